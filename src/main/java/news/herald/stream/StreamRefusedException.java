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
		super(status, Problems.of(status, title, detail), null);
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

	static StreamRefusedException shuttingDown(Duration retryAfter) {
		return new StreamRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "Shutting down",
				"This instance is shutting down; reconnect (another instance will serve the stream).", retryAfter);
	}

}
