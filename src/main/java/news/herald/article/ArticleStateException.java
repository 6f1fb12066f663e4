package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A write the article's current state does not allow. */
class ArticleStateException extends ErrorResponseException {

	ArticleStateException(Article current, String reason) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "Conflicts with the article's state",
						"Article " + current.id() + " " + reason, Map.entry("articleId", current.id()),
						Map.entry("status", current.status())),
				null);
	}

}
