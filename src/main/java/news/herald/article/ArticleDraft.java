package news.herald.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom sends it, already checked and cleaned: the same fields and
 * names as {@code demo-newsroom.json} and the publishing API.
 */
public record ArticleDraft(String externalId, String slug, String section, String title, String summary,
		String bodyHtml, String url, List<String> authors, String language, Article.Image image, List<String> tags,
		Article.Source source, Instant publishedAt) {

}
