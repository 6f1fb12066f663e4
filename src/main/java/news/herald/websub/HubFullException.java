package news.herald.websub;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** The hub holds as many subscriptions as it may (in total, to a topic or per host). */
class HubFullException extends ErrorResponseException {

	HubFullException(String detail) {
		super(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Hub full", detail), null);
	}

}
