package news.herald.event;

import java.time.Instant;
import java.util.List;

/**
 * One row of the outbox. {@code id} is the commit-ordered cursor used by SSE ids, feed
 * validators and paging. {@code previousSection} is set when an update moved the article,
 * so the section it left hears about it too; {@code previous} likewise carries the tags,
 * authors and language an update took away (null when nothing came before).
 * {@code timeline} is the PostgreSQL timeline the event was written on: with {@code id}
 * it names the event across a failover (see {@link OutboxPosition}).
 */
public record ArticleEvent(long id, ArticleEventType type, String section, String previousSection, Headline headline,
		Instant createdAt, int timeline, Taxonomy taxonomy, Taxonomy previous) {

	public ArticleEvent(long id, ArticleEventType type, String section, String previousSection, Headline headline,
			Instant createdAt, int timeline) {
		this(id, type, section, previousSection, headline, createdAt, timeline, Taxonomy.NONE, null);
	}

	/** The article's state as the event's feeds other than sections see it. */
	public record Taxonomy(List<String> tags, List<String> authors, String language) {

		public static final Taxonomy NONE = new Taxonomy(List.of(), List.of(), null);

		public Taxonomy {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
			authors = (authors != null) ? List.copyOf(authors) : List.of();
		}

	}

}
