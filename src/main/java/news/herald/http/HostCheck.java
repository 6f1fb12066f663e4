package news.herald.http;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request whose {@code Host} is not a host ({@code a b}, {@code user@x}, empty)
 * before routing, on every path: absolute links are built from it, and a request URL
 * without a host used to end in a 500. An absent Host (HTTP/1.0) gets the server's own
 * address from Reactor Netty and passes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostCheck implements WebFilter {

	private final JsonMapper json;

	HostCheck(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		URI uri = exchange.getRequest().getURI();
		if (uri.getHost() != null && !uri.getHost().isEmpty()) {
			return chain.filter(exchange);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The Host header is not a host name or address; send e.g. 'Host: herald.example'.");
		problem.setTitle("Invalid Host header");
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
