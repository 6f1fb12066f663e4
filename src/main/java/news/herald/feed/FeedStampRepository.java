package news.herald.feed;

import java.time.Instant;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads, per section, the newest event that touched it. */
@Repository
class FeedStampRepository {

	private final DatabaseClient db;

	FeedStampRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * For each section, the newest event up to {@code throughId} that concerned it,
	 * whether the article was in it or moved out of it.
	 */
	Flux<SectionStamp> newestPerSection(long throughId) {
		return this.db.sql("""
				select distinct on (slug) slug, id, timeline, created_at
				from (
				    select section as slug, id, timeline, created_at from article_events where id <= :through
				    union all
				    select previous_section, id, timeline, created_at from article_events
				    where id <= :through and previous_section is not null
				) touched
				order by slug, id desc
				""")
			.bind("through", throughId)
			.map((row) -> new SectionStamp(row.get("slug", String.class),
					new FeedStamp(row.get("id", Long.class), row.get("timeline", Integer.class),
							row.get("created_at", Instant.class))))
			.all();
	}

	record SectionStamp(String section, FeedStamp stamp) {

	}

}
