package news.herald.stream;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/**
 * A stream this instance will not open now; {@code Retry-After} says when to try again.
 */
class StreamRefusedException extends ErrorResponseException {

	private StreamRefusedException(HttpStatus status, String title, String detail, Duration retryAfter) {
		this(status, title, detail, retryAfter, null);
	}

	private StreamRefusedException(HttpStatus status, String title, String detail, Duration retryAfter,
			Throwable cause) {
		super(status, Problems.of(status, title, detail), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
	}

	static StreamRefusedException tooManyStreams(Duration retryAfter) {
		return new StreamRefusedException(HttpStatus.TOO_MANY_REQUESTS, "Too many streams",
				"This instance serves as many live streams as it can; try again later.", retryAfter);
	}

	static StreamRefusedException tooManyStreamsFrom(String address, int limit, Duration retryAfter) {
		return new StreamRefusedException(HttpStatus.TOO_MANY_REQUESTS, "Too many streams from one address",
				"Address " + address + " already holds " + limit
						+ " open streams, the most one client may hold. Close one, or share one stream between views.",
				retryAfter);
	}

	static StreamRefusedException historyUnavailable(Duration retryAfter, Throwable cause) {
		return new StreamRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "Missed events unavailable",
				"The events after this Last-Event-ID are older than this instance keeps in memory, and the "
						+ "article store cannot be reached right now. Reconnect after the number of seconds in "
						+ "Retry-After with the same Last-Event-ID; nothing is lost meanwhile.",
				retryAfter, cause);
	}

	static StreamRefusedException shuttingDown(Duration retryAfter) {
		return new StreamRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "Shutting down",
				"This instance is shutting down; reconnect (another instance will serve the stream).", retryAfter);
	}

}
