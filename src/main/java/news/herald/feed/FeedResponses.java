package news.herald.feed;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import news.herald.http.PublicReads;
import news.herald.http.PublicUrls;

/**
 * Writes a rendered feed or its 304, in the coding (Brotli, gzip or none) the client
 * prefers. Everything written comes precomputed from the render; a 304 touches neither
 * the database nor a renderer.
 */
@Component
class FeedResponses {

	private final String cacheControl;

	private final Clock clock;

	private final boolean brotli;

	private final PublicUrls urls;

	private final FeedHub hub;

	private final FeedReads reads;

	FeedResponses(FeedProperties properties, Clock clock, FeedCompression compression, PublicUrls urls,
			ObjectProvider<FeedHub> hub, ObjectProvider<FeedReads> reads) {
		this.reads = reads.getIfAvailable(() -> FeedReads.NONE);
		this.cacheControl = properties.cacheControl();
		this.urls = urls;
		this.hub = hub.getIfAvailable(() -> FeedHub.NONE);
		this.clock = clock;
		this.brotli = compression.brotliAvailable();
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
		common(headers, validators, coding(exchange, this.brotli), now);
		this.reads.read(exchange.getRequest());
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
		ContentCoding coding = coding(exchange, feed.brotli() != null);
		common(headers, feed.validators(), coding, now);
		links(exchange, headers);
		byte[] body = feed.body(coding);
		headers.set(HttpHeaders.CONTENT_TYPE, feed.format().contentType());
		if (coding.token != null) {
			headers.set(HttpHeaders.CONTENT_ENCODING, coding.token);
		}
		return send(exchange, body);
	}

	/**
	 * An RFC 3229 delta ({@code 226 IM Used}): only the entries the client lacks, with
	 * the full current feed's validators, never stored by a shared cache.
	 */
	Mono<Void> writeDelta(ServerWebExchange exchange, RenderedFeed delta) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.IM_USED);
		HttpHeaders headers = response.getHeaders();
		ContentCoding coding = coding(exchange, delta.brotli() != null);
		common(headers, delta.validators(), coding, this.clock.instant());
		FeedDelta.mark(headers);
		byte[] body = delta.body(coding);
		headers.set(HttpHeaders.CONTENT_TYPE, delta.format().contentType());
		if (coding.token != null) {
			headers.set(HttpHeaders.CONTENT_ENCODING, coding.token);
		}
		return send(exchange, body);
	}

	/** An uncacheable render, served while the validators are not known yet. */
	Mono<Void> writeUnvalidated(ServerWebExchange exchange, FeedFormat format, byte[] plain) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
		PublicReads.allowAnyOrigin(headers);
		links(exchange, headers);
		headers.set(HttpHeaders.CONTENT_TYPE, format.contentType());
		return send(exchange, plain);
	}

	/**
	 * Writes a feed answer's body, its headers set: the readers are told as it starts,
	 * before a byte of it leaves.
	 */
	private Mono<Void> send(ServerWebExchange exchange, byte[] body) {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentLength(body.length);
		this.reads.read(exchange.getRequest());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * WebSub discovery (§4): the hub and the feed's own URL, which a subscriber uses as
	 * the topic.
	 */
	private void links(ServerWebExchange exchange, HttpHeaders headers) {
		ServerHttpRequest request = exchange.getRequest();
		String base = this.urls.base(request);
		String hub = this.hub.url(base);
		if (hub == null) {
			return;
		}
		String query = request.getURI().getRawQuery();
		String self = base + request.getPath().pathWithinApplication().value() + ((query != null) ? "?" + query : "");
		headers.add(HttpHeaders.LINK, "<" + hub + ">; rel=\"hub\"");
		headers.add(HttpHeaders.LINK, "<" + self + ">; rel=\"self\"");
	}

	private static ContentCoding coding(ServerWebExchange exchange, boolean brotli) {
		return ContentCoding.negotiate(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING),
				brotli);
	}

	private void common(HttpHeaders headers, RenderedFeed.Validators validators, ContentCoding coding, Instant now) {
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		// The fast path answers before the CORS filter: web feed readers read from pages.
		PublicReads.allowAnyOrigin(headers);
		headers.set(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		headers.set(HttpHeaders.ETAG, validators.etag(coding));
		String lastModified = validators.lastModifiedAt(now);
		if (lastModified != null) {
			headers.set(HttpHeaders.LAST_MODIFIED, lastModified);
		}
	}

}
