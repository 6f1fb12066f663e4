package news.herald.feed;

import java.time.Instant;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import news.herald.article.ArticleFilter;

/** Reads, per feed, the newest event that touched it. */
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

	/**
	 * For each tag, author and language name, the newest event up to {@code throughId}
	 * whose article had it before or after.
	 */
	Flux<NameStamp> newestPerName(long throughId) {
		return this.db.sql("""
				select distinct on (kind, name) kind, name, id, timeline, created_at
				from (
				    select 'tag' as kind, unnest(tags || coalesce(previous_tags, '{}')) as name, id, timeline,
				        created_at
				    from article_events where id <= :through
				    union all
				    select 'author', unnest(authors || coalesce(previous_authors, '{}')), id, timeline, created_at
				    from article_events where id <= :through
				    union all
				    select 'lang', lower(language), id, timeline, created_at
				    from article_events where id <= :through and language is not null
				    union all
				    select 'lang', lower(previous_language), id, timeline, created_at
				    from article_events where id <= :through and previous_language is not null
				) touched
				order by kind, name, id desc
				""")
			.bind("through", throughId)
			.map((row) -> new NameStamp(row.get("kind", String.class), row.get("name", String.class),
					new FeedStamp(row.get("id", Long.class), row.get("timeline", Integer.class),
							row.get("created_at", Instant.class))))
			.all();
	}

	/**
	 * The newest event up to {@code throughId} whose article the filter kept before or
	 * after it; {@link FeedStamp#NONE} when there is none.
	 */
	Mono<FeedStamp> newestMatching(ArticleFilter filter, long throughId) {
		String after = condition(filter, "section", "tags", "authors", "language");
		String before = condition(filter, "coalesce(previous_section, section)", "coalesce(previous_tags, tags)",
				"coalesce(previous_authors, authors)", "coalesce(previous_language, language)");
		GenericExecuteSpec spec = this.db.sql("""
				select id, timeline, created_at from article_events
				where id <= :through and ((%s) or (%s))
				order by id desc
				limit 1
				""".formatted(after, before)).bind("through", throughId);
		spec = filter.bind(spec);
		return spec
			.map((row) -> new FeedStamp(row.get("id", Long.class), row.get("timeline", Integer.class),
					row.get("created_at", Instant.class)))
			.one()
			.defaultIfEmpty(FeedStamp.NONE);
	}

	private static String condition(ArticleFilter filter, String section, String tags, String authors,
			String language) {
		List<String> parts = new ArrayList<>(4);
		parts.add("true");
		if (filter.sections() != null) {
			parts.add(section + " = any(:sections)");
		}
		if (filter.tags() != null) {
			parts.add(tags + " && :tags");
		}
		if (filter.authors() != null) {
			parts.add(authors + " && :authors");
		}
		if (filter.language() != null) {
			parts.add("lower(" + language + ") = :language");
		}
		return String.join(" and ", parts);
	}

	record SectionStamp(String section, FeedStamp stamp) {

	}

	record NameStamp(String kind, String name, FeedStamp stamp) {

	}

}
