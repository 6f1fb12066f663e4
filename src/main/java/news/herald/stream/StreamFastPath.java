package news.herald.stream;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Opens a {@code GET /stream} or {@code GET /stream/{section}} before handler mapping. A
 * stream holds its whole request pipeline for as long as it is open, and the annotated
 * controller's share of it (argument resolvers, binding context, the dispatcher's
 * operators) was a third of the heap an idle stream costs; opened here, none of it is
 * created. Anything refused (a bad parameter, an unknown section, a limit) goes on to
 * {@link StreamController}, which answers it with a problem detail; a limit is not
 * checked twice, the refusal travels in {@link #REFUSED}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StreamFastPath implements WebFilter {

	/** Exchange attribute carrying a refusal from a limit to the controller. */
	static final String REFUSED = StreamFastPath.class.getName() + ".refused";

	private static final String PREFIX = "/stream/";

	private final StreamController streams;

	/** Whether a path (within the application) is a stream's. */
	static boolean isStreamPath(String path) {
		return path.equals("/stream") || path.startsWith(PREFIX);
	}

	StreamFastPath(StreamController streams) {
		this.streams = streams;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		String path = request.getPath().pathWithinApplication().value();
		String section;
		if (path.equals("/stream")) {
			section = null;
		}
		else if (path.startsWith(PREFIX) && path.length() > PREFIX.length() && path.indexOf('/', PREFIX.length()) < 0) {
			// Raw, not decoded: an encoded slug is unknown here and decoded by the
			// controller.
			section = path.substring(PREFIX.length());
		}
		else {
			return chain.filter(exchange);
		}
		MultiValueMap<String, String> query = request.getQueryParams();
		if (repeated(query.get("backfill")) || repeated(query.get("lastEventId")) || repeated(query.get("presence"))
				|| repeated(request.getHeaders().get("Last-Event-ID"))) {
			// The controller's rules for a repeated value (joined, then refused) apply.
			return chain.filter(exchange);
		}
		try {
			return this.streams.open(section, query.getFirst("backfill"), query.getFirst("lastEventId"),
					request.getHeaders().getFirst("Last-Event-ID"), query.getFirst("presence"), exchange);
		}
		catch (StreamRefusedException ex) {
			exchange.getAttributes().put(REFUSED, ex);
			return chain.filter(exchange);
		}
		catch (RuntimeException ex) {
			return chain.filter(exchange);
		}
	}

	private static boolean repeated(List<String> values) {
		return values != null && values.size() > 1;
	}

}
