package news.herald.stream;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.herald.http.ProblemWriter;

/**
 * Opens a {@code GET /stream} or {@code GET /stream/{section}} before handler mapping. A
 * stream holds its whole request pipeline for as long as it is open, and the annotated
 * controller's share of it (argument resolvers, binding context, the dispatcher's
 * operators) was a third of the heap an idle stream costs; opened here, none of it is
 * created. A refused stream (a bad parameter, an unknown section, a limit) is answered
 * here too, as a problem detail (a repeated parameter never gets here: the http package
 * refuses it first, as on every endpoint).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class StreamFastPath implements WebFilter {

	private static final String PREFIX = "/stream/";

	private final StreamOpener opener;

	private final ProblemWriter problems;

	/** Whether a path (within the application) is a stream's. */
	static boolean isStreamPath(String path) {
		return path.equals("/stream") || path.startsWith(PREFIX);
	}

	StreamFastPath(StreamOpener opener, ProblemWriter problems) {
		this.opener = opener;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		List<PathContainer.Element> path = request.getPath().pathWithinApplication().elements();
		// "/stream" or "/stream/{section}": separators and segments alternate.
		if ((path.size() != 2 && path.size() != 4) || !(path.get(1) instanceof PathContainer.PathSegment stream)
				|| !stream.value().equals("stream")) {
			return chain.filter(exchange);
		}
		String section = null;
		if (path.size() == 4) {
			if (!(path.get(3) instanceof PathContainer.PathSegment segment) || segment.valueToMatch().isEmpty()) {
				return chain.filter(exchange);
			}
			// Decoded and without matrix variables, as the controller's path variable.
			section = segment.valueToMatch();
		}
		// A repeated query parameter never gets here: the http package refuses it first.
		// A repeated Last-Event-ID header goes to the controller, whose rules (joined,
		// then refused) apply.
		List<String> lastEventIds = request.getHeaders().get("Last-Event-ID");
		if (lastEventIds != null && lastEventIds.size() > 1) {
			return chain.filter(exchange);
		}
		try {
			return this.opener.open(StreamRequest.of(section, request), exchange)
				.onErrorResume(ErrorResponseException.class, (refused) -> exchange.getResponse().isCommitted()
						? Mono.error(refused) : this.problems.write(exchange, refused));
		}
		catch (ErrorResponseException refused) {
			return this.problems.write(exchange, refused);
		}
	}

}
