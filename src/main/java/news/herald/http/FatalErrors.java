package news.herald.http;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * An {@link Error} (a {@code StackOverflowError} from a pathological input, an
 * {@code OutOfMemoryError}) that ends a request still gets an answer: a 503 problem with
 * {@code Retry-After}, as for any fault of Herald's rather than the client's, instead of
 * Spring's 500 page or a connection closed without a word. It is logged with its stack,
 * as it is a bug to fix. Exceptions are not touched: their own handlers answer them.
 */
@Component
@Order(-2)
class FatalErrors implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(FatalErrors.class);

	static final String RETRY_AFTER_SECONDS = "5";

	private final ProblemWriter problems;

	FatalErrors(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!(ex instanceof Error error)) {
			return Mono.error(ex);
		}
		return answer(exchange.getRequest(), exchange.getResponse(), error);
	}

	/** Answers, unless the response has started: then only closing it is left. */
	Mono<Void> answer(ServerHttpRequest request, ServerHttpResponse response, Error error) {
		logger.error("Request " + request.getMethod() + " " + request.getPath() + " failed with an error", error);
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		ErrorResponse unavailable = ErrorResponse
			.builder(error,
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Internal error",
							"Herald could not finish this request because of a fault of its own, which it has logged. "
									+ "Retry after " + RETRY_AFTER_SECONDS
									+ " seconds; if this request keeps failing, report it with the time it was sent."))
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.build();
		return this.problems.write(request, response, unavailable);
	}

}
