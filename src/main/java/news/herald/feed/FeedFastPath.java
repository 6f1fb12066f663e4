package news.herald.feed;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.herald.article.NameSlugs;
import news.herald.http.PublicUrls;

/**
 * Serves the first page of a feed straight from the cache when it is current, before
 * handler mapping, argument resolution and every other filter: the request feed readers
 * send most often costs a map look-up and a header write. Tag and author feeds and
 * filters ({@code ?tag=}, {@code ?author=}, {@code ?lang=}) are served the same way.
 * Anything else (paging, a stale or missing render, an error) goes on to
 * {@link FeedController}, which owns the full rules. It runs first of all filters, as
 * every filter ahead of it costs the hottest request; a request whose Host is not a host
 * is handed on to the Host check, which refuses it (absolute links are built from the
 * Host).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedFastPath implements WebFilter {

	private static final String PREFIX = "/feeds/";

	private final FeedScopes scopes;

	private final FeedStamps stamps;

	private final FeedCache cache;

	private final PublicUrls urls;

	private final FeedResponses responses;

	private final int defaultLimit;

	private volatile Map<String, Route> routes;

	FeedFastPath(FeedScopes scopes, FeedStamps stamps, FeedCache cache, PublicUrls urls, FeedResponses responses,
			FeedProperties properties) {
		this.scopes = scopes;
		this.stamps = stamps;
		this.cache = cache;
		this.urls = urls;
		this.responses = responses;
		this.defaultLimit = properties.defaultLimit();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().value();
		if (!path.startsWith(PREFIX) || request.getURI().getHost() == null) {
			return chain.filter(exchange);
		}
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		if (FeedDelta.asked(request) && request.getHeaders().containsHeader(HttpHeaders.IF_NONE_MATCH)) {
			// A delta (RFC 3229) is the controller's to decide.
			return chain.filter(exchange);
		}
		Route route = routes().get(path);
		if (route == null) {
			route = route(path);
		}
		// Only filters, each once and already in the keys' form: anything else (limit,
		// cursor, a misspelling) takes the full rules.
		FeedAddress address = (route != null) ? FeedQuery.fastAddress(route.address(), request.getURI().getRawQuery())
				: null;
		FeedStamp stamp = (address != null) ? this.stamps.stamp(address) : null;
		if (stamp == null) {
			return chain.filter(exchange);
		}
		RenderedFeed cached = this.cache
			.get(new FeedKey(this.urls.base(request), address.cacheKey(), route.format(), null, this.defaultLimit));
		if (cached == null || !cached.stamp().sameEvent(stamp)) {
			return chain.filter(exchange);
		}
		return this.responses.write(exchange, cached);
	}

	private Map<String, Route> routes() {
		Map<String, Route> routes = this.routes;
		if (routes == null) {
			routes = new HashMap<>();
			for (FeedScope scope : this.scopes.all()) {
				for (FeedFormat format : FeedFormat.values()) {
					routes.put(scope.path(format), new Route(FeedAddress.of(scope.key()), format));
				}
			}
			if (routes.size() > FeedFormat.values().length) {
				this.routes = routes;
			}
		}
		return routes;
	}

	/** A tag's or an author's feed path, or null. */
	private static Route route(String path) {
		int slash = path.indexOf('/', PREFIX.length());
		int last = path.lastIndexOf('/');
		if (slash < 0 || last == slash) {
			return null;
		}
		String kind = path.substring(PREFIX.length(), slash);
		String slug = path.substring(slash + 1, last);
		FeedFormat format = FeedFormat.fromFileName(path.substring(last + 1));
		if (format == null || slug.indexOf('/') >= 0 || !NameSlugs.SHAPE.matcher(slug).matches()) {
			return null;
		}
		return switch (kind) {
			case "tags" -> new Route(new FeedAddress(FeedAddress.Kind.TAG, FeedScope.OUTLET, slug, null, null), format);
			case "authors" ->
				new Route(new FeedAddress(FeedAddress.Kind.AUTHOR, FeedScope.OUTLET, null, slug, null), format);
			default -> null;
		};
	}

	private record Route(FeedAddress address, FeedFormat format) {

	}

}
