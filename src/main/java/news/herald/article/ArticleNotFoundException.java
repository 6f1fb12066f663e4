package news.herald.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** No such article (or not yet released from its embargo). */
class ArticleNotFoundException extends ErrorResponseException {

	ArticleNotFoundException(String idOrSlug) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Article not found",
				"There is no article with id or slug '" + idOrSlug + "'."), null);
	}

}
