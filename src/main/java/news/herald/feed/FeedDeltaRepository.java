package news.herald.feed;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import news.herald.event.ArticleEventType;

/** Reads what happened to a feed between two of its states, from the outbox. */
@Repository
class FeedDeltaRepository {

	private final DatabaseClient db;

	FeedDeltaRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The events from {@code sinceId} through {@code throughId}, both included, that
	 * concerned these sections (every section when null), whether the article was in one
	 * of them or moved out of one; oldest first.
	 */
	Flux<Change> changes(Collection<String> sections, long sinceId, long throughId) {
		String sql = """
				select id, type, article_id, section, previous_section
				from article_events
				where id between :since and :through
				"""
				+ ((sections != null) ? "and (section = any(:sections) or previous_section = any(:sections))\n" : "")
				+ "order by id";
		GenericExecuteSpec spec = this.db.sql(sql).bind("since", sinceId).bind("through", throughId);
		if (sections != null) {
			spec = spec.bind("sections", sections.toArray(String[]::new));
		}
		return spec
			.map((row) -> new Change(row.get("id", Long.class),
					ArticleEventType.fromWireName(row.get("type", String.class)), row.get("article_id", UUID.class),
					row.get("section", String.class)))
			.all();
	}

	/**
	 * One event as a delta needs it.
	 *
	 * @param id the event id
	 * @param type what happened
	 * @param articleId the article it happened to
	 * @param section the article's section after the event
	 */
	record Change(long id, ArticleEventType type, UUID articleId, String section) {

	}

}
