package news.herald.feed;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/**
 * A feed that is not cached and cannot be rendered because the database is unreachable:
 * 503 with {@code Retry-After}.
 */
class FeedUnavailableException extends ErrorResponseException {

	FeedUnavailableException(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Feed temporarily unavailable",
						"This feed is not cached and the article store cannot be reached right now. Retry after the "
								+ "number of seconds in Retry-After."),
				cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		getHeaders().setCacheControl("no-store");
	}

}
