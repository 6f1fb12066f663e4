package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A write the article's current state does not allow. */
class ArticleStateException extends ErrorResponseException {

	ArticleStateException(Article current, String reason) {
		super(HttpStatus.CONFLICT, problem(current, reason), null);
	}

	private static ProblemDetail problem(Article current, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Article " + current.id() + " " + reason);
		problem.setTitle("Conflicts with the article's state");
		problem.setProperty("articleId", current.id());
		problem.setProperty("status", current.status());
		return problem;
	}

}
