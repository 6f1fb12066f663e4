package news.herald.feed;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a rendered feed or its 304, choosing the gzip representation when the client
 * accepts it. Everything written comes precomputed from the render; a 304 touches neither
 * the database nor a renderer.
 */
@Component
class FeedResponses {

	private static final String GZIP = "gzip";

	private final String cacheControl;

	private final Clock clock;

	FeedResponses(FeedProperties properties, Clock clock) {
		this.cacheControl = properties.feeds().cacheControl();
		this.clock = clock;
	}

	/** Whether the request's validators name this state of the feed. */
	boolean notModified(ServerHttpRequest request, RenderedFeed.Validators validators, Instant now) {
		HttpHeaders headers = request.getHeaders();
		String ifNoneMatch = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			// RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is
			// present.
			return validators.matches(ifNoneMatch);
		}
		String ifModifiedSince = headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE);
		if (ifModifiedSince != null) {
			long since = headers.getIfModifiedSince();
			return since >= 0 && validators.notModifiedSince(since, now);
		}
		return false;
	}

	/** 304 for a state the client already has. */
	Mono<Void> notModified(ServerWebExchange exchange, RenderedFeed.Validators validators, Instant now) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.NOT_MODIFIED);
		HttpHeaders headers = response.getHeaders();
		boolean gzip = acceptsGzip(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING));
		common(headers, validators, gzip, now);
		return response.setComplete();
	}

	/** The feed, or 304 when the client's validators name it. */
	Mono<Void> write(ServerWebExchange exchange, RenderedFeed feed) {
		Instant now = this.clock.instant();
		if (notModified(exchange.getRequest(), feed.validators(), now)) {
			return notModified(exchange, feed.validators(), now);
		}
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		boolean gzip = acceptsGzip(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING));
		common(headers, feed.validators(), gzip, now);
		byte[] body = gzip ? feed.gzip() : feed.plain();
		headers.set(HttpHeaders.CONTENT_TYPE, feed.format().contentType());
		if (gzip) {
			headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
		}
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** An uncacheable render, served while the validators are not known yet. */
	Mono<Void> writeUnvalidated(ServerWebExchange exchange, FeedFormat format, byte[] plain) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
		headers.set(HttpHeaders.CONTENT_TYPE, format.contentType());
		headers.setContentLength(plain.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(plain)));
	}

	private void common(HttpHeaders headers, RenderedFeed.Validators validators, boolean gzip, Instant now) {
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		headers.set(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		headers.set(HttpHeaders.ETAG, gzip ? validators.gzipEtag() : validators.etag());
		String lastModified = validators.lastModifiedAt(now);
		if (lastModified != null) {
			headers.set(HttpHeaders.LAST_MODIFIED, lastModified);
		}
	}

	/**
	 * Whether an {@code Accept-Encoding} value admits gzip: listed (or {@code *}) without
	 * {@code q=0}.
	 */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null || acceptEncoding.isEmpty()) {
			return false;
		}
		if (acceptEncoding.equals(GZIP) || acceptEncoding.startsWith("gzip, ")) {
			return true;
		}
		boolean gzip = false;
		boolean wildcard = false;
		boolean gzipListed = false;
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			boolean acceptable = true;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].strip();
				if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
					acceptable = !parameter.substring(2).strip().matches("0(\\.0{0,3})?");
				}
			}
			if (name.equalsIgnoreCase(GZIP) || name.equalsIgnoreCase("x-gzip")) {
				gzipListed = true;
				gzip = acceptable;
			}
			else if (name.equals("*")) {
				wildcard = acceptable;
			}
		}
		return gzipListed ? gzip : wildcard;
	}

}
