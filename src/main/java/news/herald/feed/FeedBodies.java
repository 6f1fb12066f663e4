package news.herald.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import news.herald.article.Article;

/**
 * Article bodies as feeds carry them (allow-listed HTML, XML-legal), cleaned once per
 * version of an article rather than once per feed, format and page that shows it.
 */
@Component
class FeedBodies {

	private final Cache<String, String> clean = Caffeine.newBuilder().maximumSize(20_000).build();

	String of(Article article) {
		return this.clean.get(article.id() + "/" + article.version(), (key) -> FeedText.html(article.bodyHtml()));
	}

}
