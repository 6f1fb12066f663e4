package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refused before or while reading: the article is over 1 MiB. */
class BodyTooLargeException extends ErrorResponseException {

	BodyTooLargeException() {
		super(HttpStatus.PAYLOAD_TOO_LARGE, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"An article may be at most " + ArticleRequestReader.MAX_BODY_BYTES + " bytes (1 MiB) of JSON.");
		problem.setTitle("Article too large");
		problem.setProperty("maxBytes", ArticleRequestReader.MAX_BODY_BYTES);
		return problem;
	}

}
