package news.herald.event;

import java.time.Instant;

/**
 * One row of the outbox. {@code id} is the commit-ordered cursor used by SSE ids, feed
 * validators and paging. {@code previousSection} is set when an update moved the article,
 * so the section it left hears about it too.
 */
public record ArticleEvent(long id, ArticleEventType type, String section, String previousSection, Headline headline,
		Instant createdAt) {

	/** Whether this event concerns a feed or stream made of the given sections. */
	public boolean touchesAny(java.util.Collection<String> sections) {
		return sections.contains(this.section)
				|| (this.previousSection != null && sections.contains(this.previousSection));
	}

}
