package news.herald.database;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/**
 * A request that needed the database while it could not be reached, or did not answer in
 * time: 503 with {@code Retry-After}, never stored by a cache.
 */
class DatabaseUnavailableException extends ErrorResponseException {

	DatabaseUnavailableException(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
				"The article store cannot be reached or did not answer in time. Retry after the number of seconds "
						+ "in Retry-After; a write that got this answer was not stored."),
				cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		getHeaders().setCacheControl("no-store");
	}

}
