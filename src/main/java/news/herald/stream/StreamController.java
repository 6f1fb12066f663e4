package news.herald.stream;

import reactor.core.publisher.Mono;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.http.ProblemWriter;

/**
 * {@code GET /stream} and {@code GET /stream/{section}}: live headlines as server-sent
 * events. Most streams are opened by {@link StreamFastPath} before handler mapping; this
 * endpoint serves the rest ({@code HEAD}, a repeated parameter) with the same
 * {@link StreamOpener}.
 */
@RestController
class StreamController {

	private final StreamOpener opener;

	private final ProblemWriter problems;

	StreamController(StreamOpener opener, ProblemWriter problems) {
		this.opener = opener;
		this.problems = problems;
	}

	@RequestMapping(path = { "/stream", "/stream/{section}" }, method = { RequestMethod.GET, RequestMethod.HEAD })
	Mono<Void> stream(@PathVariable(required = false) String section, @RequestParam(required = false) String sections,
			@RequestParam(required = false) String backfill,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(required = false) String presence, ServerWebExchange exchange) {
		return this.opener.open(
				new StreamRequest(section, sections, backfill, lastEventIdParameter, lastEventIdHeader, presence),
				exchange);
	}

	/**
	 * Refusals are problem details even for a client that asked for
	 * {@code text/event-stream}; content negotiation would otherwise render the problem
	 * as an event.
	 */
	@ExceptionHandler
	Mono<Void> refused(ErrorResponseException ex, ServerWebExchange exchange) {
		return this.problems.write(exchange, ex);
	}

}
