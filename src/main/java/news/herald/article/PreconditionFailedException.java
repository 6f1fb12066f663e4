package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** If-Match named a version that is no longer current: someone else wrote first. */
class PreconditionFailedException extends ErrorResponseException {

	PreconditionFailedException(Article current, String ifMatch) {
		super(HttpStatus.PRECONDITION_FAILED, problem(current, ifMatch), null);
		getHeaders().setETag(current.etag());
	}

	private static ProblemDetail problem(Article current, String ifMatch) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"If-Match was " + ifMatch + " but the article is at version " + current.version()
						+ "; someone changed it since you read it. GET it again, reapply your change and retry.");
		problem.setTitle("Article changed since it was read");
		problem.setProperty("currentVersion", current.version());
		return problem;
	}

}
