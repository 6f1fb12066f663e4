package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A create for an external id that already exists with other content. */
class ArticleConflictException extends ErrorResponseException {

	ArticleConflictException(Article existing) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Article already exists",
				"An article with externalId '" + existing.externalId()
						+ "' already exists with different content; to change it use PUT /api/articles/" + existing.id()
						+ ".",
				Map.entry("articleId", existing.id()), Map.entry("externalId", existing.externalId())), null);
	}

}
