package news.herald.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import news.herald.event.ArticleEvent;
import news.herald.event.Headline;

/**
 * An article as Herald stores and serves it. {@code id} never changes, not even when the
 * article is edited or moved; {@code seq} is the id of the event that published it and
 * orders lists and pages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(UUID id, String slug, String externalId, String section, String title, String summary,
		String bodyHtml, String url, List<String> authors, String language, Image image, List<String> tags,
		Source source, Instant publishedAt, Instant updatedAt, ArticleStatus status, int version, @JsonIgnore Long seq,
		@JsonIgnore String contentHash) {

	/** The photo with its caption, credit and licence. */
	public record Image(String url, String caption, String credit, String license) {

	}

	/** Attribution for a story based on another outlet's reporting. */
	public record Source(String name, String url) {

	}

	/** What an article id looks like; anything else in its place is a slug or garbage. */
	static final Pattern ID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** The strong ETag of this version of the article. */
	public String etag() {
		return "\"" + this.version + "\"";
	}

	/** The same article as numbered by the event that published it. */
	public Article withSeq(long seq) {
		return new Article(this.id, this.slug, this.externalId, this.section, this.title, this.summary, this.bodyHtml,
				this.url, this.authors, this.language, this.image, this.tags, this.source, this.publishedAt,
				this.updatedAt, this.status, this.version, seq, this.contentHash);
	}

	/** What the outbox records of the article for tag, author and language feeds. */
	public ArticleEvent.Taxonomy taxonomy() {
		return new ArticleEvent.Taxonomy(this.tags, this.authors, this.language);
	}

	public Headline headline() {
		return new Headline(this.id, this.slug, this.title, this.summary, this.url, this.section, this.publishedAt,
				this.updatedAt, (this.image != null) ? this.image.url() : null, this.version);
	}

}
