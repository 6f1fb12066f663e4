package news.herald.http;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
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
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HostCheck implements WebFilter {

	private final ProblemWriter problems;

	HostCheck(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		URI uri = exchange.getRequest().getURI();
		if (uri.getHost() != null && !uri.getHost().isEmpty()) {
			return chain.filter(exchange);
		}
		// A problem of its own per request: the writer fills in this request's instance.
		ErrorResponse notAHost = new ErrorResponseException(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "Invalid Host header",
						"The Host header is not a host name or address; send e.g. 'Host: herald.example'."),
				null);
		return this.problems.write(exchange, notAHost);
	}

}
