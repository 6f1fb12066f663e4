package news.herald.event;

import java.time.Instant;

/**
 * One row of the outbox. {@code id} is the commit-ordered cursor used by SSE ids, feed
 * validators and paging. {@code previousSection} is set when an update moved the article,
 * so the section it left hears about it too. {@code timeline} is the PostgreSQL timeline
 * the event was written on: with {@code id} it names the event across a failover (see
 * {@link OutboxPosition}).
 */
public record ArticleEvent(long id, ArticleEventType type, String section, String previousSection, Headline headline,
		Instant createdAt, int timeline) {

}
