package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A create for an external id that already exists with other content. */
class ArticleConflictException extends ErrorResponseException {

	ArticleConflictException(Article existing) {
		super(HttpStatus.CONFLICT, problem(existing), null);
	}

	private static ProblemDetail problem(Article existing) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"An article with externalId '" + existing.externalId()
						+ "' already exists with different content; to change it use PUT /api/articles/" + existing.id()
						+ ".");
		problem.setTitle("Article already exists");
		problem.setProperty("articleId", existing.id());
		problem.setProperty("externalId", existing.externalId());
		return problem;
	}

}
