package news.herald.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article exactly as the newsroom sends it, before any checking: the names of
 * {@code demo-newsroom.json}. {@code publishedAt} stays text here so that a bad date is
 * reported like any other bad field. The read-only fields of the read API are accepted
 * and ignored, so a client can send back what it read.
 */
@JsonIgnoreProperties({ "id", "status", "version", "updatedAt" })
record ArticleRequest(String externalId, String slug, String section, String title, String summary, String bodyHtml,
		String url, List<String> authors, String language, Image image, List<String> tags, Source source,
		String publishedAt) {

	record Image(String url, String caption, String credit, String license) {

	}

	record Source(String name, String url) {

	}

}
