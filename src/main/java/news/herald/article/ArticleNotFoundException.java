package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such article (or not yet released from its embargo). */
class ArticleNotFoundException extends ErrorResponseException {

	ArticleNotFoundException(String idOrSlug) {
		super(HttpStatus.NOT_FOUND, problem(idOrSlug), null);
	}

	private static ProblemDetail problem(String idOrSlug) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no article with id or slug '" + idOrSlug + "'.");
		problem.setTitle("Article not found");
		return problem;
	}

}
