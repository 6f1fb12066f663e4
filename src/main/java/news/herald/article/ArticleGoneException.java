package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** The article existed and was retracted: 410, so caches and crawlers drop it. */
class ArticleGoneException extends ErrorResponseException {

	ArticleGoneException(Article article) {
		super(HttpStatus.GONE, Problems.of(HttpStatus.GONE, "Article retracted",
				"The article '" + article.slug() + "' was retracted.", Map.entry("articleId", article.id())), null);
	}

}
