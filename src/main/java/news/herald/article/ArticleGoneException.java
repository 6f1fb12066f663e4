package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The article existed and was retracted: 410, so caches and crawlers drop it. */
class ArticleGoneException extends ErrorResponseException {

	ArticleGoneException(Article article) {
		super(HttpStatus.GONE, problem(article), null);
	}

	private static ProblemDetail problem(Article article) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
				"The article '" + article.slug() + "' was retracted.");
		problem.setTitle("Article retracted");
		problem.setProperty("articleId", article.id());
		return problem;
	}

}
