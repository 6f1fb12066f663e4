package news.herald.feed;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.herald.http.PublicUrls;

/**
 * Serves the first page of a feed straight from the cache when it is current, before
 * handler mapping, argument resolution and every other filter: the request feed readers
 * send most often costs a map look-up and a header write. Anything else (a query string,
 * a stale or missing render, an error) goes on to {@link FeedController}, which owns the
 * full rules. It runs first of all filters, as every filter ahead of it costs the hottest
 * request; a request whose Host is not a host is handed on to the Host check, which
 * refuses it (absolute links are built from the Host).
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
		if (!path.startsWith(PREFIX) || request.getURI().getRawQuery() != null || request.getURI().getHost() == null) {
			return chain.filter(exchange);
		}
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		Route route = routes().get(path);
		FeedStamp stamp = (route != null) ? this.stamps.stamp(route.scope()) : null;
		if (stamp == null) {
			return chain.filter(exchange);
		}
		RenderedFeed cached = this.cache
			.get(new FeedKey(this.urls.base(request), route.scope(), route.format(), null, this.defaultLimit));
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
					routes.put(scope.path(format), new Route(scope.key(), format));
				}
			}
			if (routes.size() > FeedFormat.values().length) {
				this.routes = routes;
			}
		}
		return routes;
	}

	private record Route(String scope, FeedFormat format) {

	}

}
