package news.herald.http;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Opens every public read to pages on other origins: a GET or HEAD gets
 * {@code Access-Control-Allow-Origin: *} before anything else runs, so its refusals (a
 * 400, 404 or 503 problem) are readable by the page too, and a read's preflight is
 * answered here. The API's preflights are left to Spring Security, which answers them
 * with the same {@link PublicReads#cors() rule} for reads and the write origins for
 * writes. The feed fast path runs before this filter and marks its responses itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PublicReadCors implements WebFilter {

	private final CorsConfiguration reads = PublicReads.cors();

	private final CorsProcessor processor = new DefaultCorsProcessor();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!PublicReads.isPublic(path)) {
			return chain.filter(exchange);
		}
		HttpMethod method = request.getMethod();
		if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
			PublicReads.allowAnyOrigin(exchange.getResponse().getHeaders());
			return chain.filter(exchange);
		}
		if (CorsUtils.isPreFlightRequest(request) && !path.startsWith("/api/") && asksToRead(request)) {
			this.processor.process(this.reads, exchange);
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

	private static boolean asksToRead(ServerHttpRequest request) {
		String method = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
		return "GET".equals(method) || "HEAD".equals(method);
	}

}
