package news.herald.http;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A 406 is a problem too, though the client's {@code Accept} names no JSON or cannot be
 * read ({@code garbage/}, {@code q=abc}): Spring's own answer then falls back to a plain
 * JSON error page without a detail, as it cannot negotiate the problem's type either.
 */
@Component
@Order(-2)
class NotAcceptableProblems implements WebExceptionHandler {

	private static final int MAX_ECHO = 100;

	private final ProblemWriter problems;

	NotAcceptableProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!(ex instanceof NotAcceptableStatusException notAcceptable) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		String accept = String.join(", ", exchange.getRequest().getHeaders().getValuesAsList(HttpHeaders.ACCEPT));
		String offered = notAcceptable.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: String.join(", ", notAcceptable.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
		String detail = "Accept '" + accept.substring(0, Math.min(MAX_ECHO, accept.length()))
				+ "' names no type this endpoint sends, or cannot be read; send 'Accept: " + offered + "' or '*/*'.";
		return this.problems.write(exchange, new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE,
				Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", detail), null));
	}

}
