package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** If-Match named a version that is no longer current: someone else wrote first. */
class PreconditionFailedException extends ErrorResponseException {

	PreconditionFailedException(Article current, String ifMatch) {
		super(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
				"Article changed since it was read",
				"If-Match was " + ifMatch + " but the article is at version " + current.version()
						+ "; someone changed it since you read it. GET it again, reapply your change and retry.",
				Map.entry("currentVersion", current.version())), null);
		getHeaders().setETag(current.etag());
	}

}
