package news.herald.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/** The outbox: append inside the writer's transaction, read in id order. */
@Repository
public class ArticleEventRepository {

	/** Channel of the NOTIFY sent with every event; its payload is the event id. */
	public static final String CHANNEL = "article_events";

	// An event belongs to the section it is in and to the one it moved out of.
	private static final String IN_SECTIONS = "(section = any(:sections) or previous_section = any(:sections))";

	private final DatabaseClient db;

	private final JsonMapper json;

	ArticleEventRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Appends an event and queues its NOTIFY. Must run inside the transaction that
	 * changes the article: the counter row stays locked until that transaction ends, so
	 * the next writer gets its id only after this one has committed or rolled back, and
	 * ids become visible in order without gaps.
	 */
	public Mono<Long> append(ArticleEventType type, Headline headline, String previousSection,
			ArticleEvent.Taxonomy taxonomy, ArticleEvent.Taxonomy previous) {
		return append(type, headline, previousSection, taxonomy, previous, "");
	}

	/**
	 * Appends the {@code published} event of an article and records its id as the
	 * article's {@code seq}, in the same statement: the counter row is the one lock every
	 * writer queues for, so each round trip made while holding it costs every other
	 * publisher.
	 */
	public Mono<Long> appendPublished(Headline headline, ArticleEvent.Taxonomy taxonomy) {
		return append(ArticleEventType.PUBLISHED, headline, null, taxonomy, null, """
				, sequenced as (
				    update articles set seq = (select id from appended) where id = :articleId
				)
				""");
	}

	private Mono<Long> append(ArticleEventType type, Headline headline, String previousSection,
			ArticleEvent.Taxonomy taxonomy, ArticleEvent.Taxonomy previous, String alsoDo) {
		GenericExecuteSpec insert = this.db.sql("""
				with next as (
				    update article_event_counter set last_id = last_id + 1 returning last_id
				), appended as (
				    insert into article_events (id, type, article_id, section, previous_section, headline,
				        tags, authors, language, previous_tags, previous_authors, previous_language)
				    select last_id, :type, :articleId, :section, :previousSection, :headline,
				        :tags, :authors, :language, :previousTags, :previousAuthors, :previousLanguage from next
				    returning id
				)%s
				select id, pg_notify('%s', id::text) from appended
				""".formatted(alsoDo, CHANNEL))
			.bind("type", type.wireName())
			.bind("articleId", headline.id())
			.bind("section", headline.section())
			.bind("headline", Json.of(this.json.writeValueAsBytes(headline)))
			.bind("tags", taxonomy.tags().toArray(String[]::new))
			.bind("authors", taxonomy.authors().toArray(String[]::new));
		insert = nullable(insert, "language", String.class, taxonomy.language());
		insert = nullable(insert, "previousSection", String.class, previousSection);
		insert = nullable(insert, "previousTags", String[].class,
				(previous != null) ? previous.tags().toArray(String[]::new) : null);
		insert = nullable(insert, "previousAuthors", String[].class,
				(previous != null) ? previous.authors().toArray(String[]::new) : null);
		insert = nullable(insert, "previousLanguage", String.class, (previous != null) ? previous.language() : null);
		return insert.map((row) -> row.get("id", Long.class)).one();
	}

	private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, Class<T> type, T value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

	/**
	 * Events after {@code afterId} in id order, limited to the given sections unless
	 * null.
	 */
	public Flux<ArticleEvent> findAfter(long afterId, Collection<String> sections, int limit) {
		var spec = this.db.sql("""
				select id, type, section, previous_section, headline, created_at, timeline, tags, authors, language,
				    previous_tags, previous_authors, previous_language
				from article_events
				where id > :after %s
				order by id
				limit :limit
				""".formatted((sections != null) ? "and " + IN_SECTIONS : ""))
			.bind("after", afterId)
			.bind("limit", limit);
		if (sections != null) {
			spec = spec.bind("sections", sections.toArray(String[]::new));
		}
		return spec.map(this::event).all();
	}

	/**
	 * Every event after {@code afterId} in id order, limited to the given sections unless
	 * null, read {@code page} rows at a time.
	 */
	public Flux<ArticleEvent> findAllAfter(long afterId, Collection<String> sections, int page) {
		return findAfter(afterId, sections, page).collectList()
			.expand((rows) -> (rows.size() < page) ? Mono.empty()
					: findAfter(rows.get(rows.size() - 1).id(), sections, page).collectList())
			.concatMapIterable((rows) -> rows);
	}

	/** The newest events of the given sections (all when null), newest first. */
	public Flux<ArticleEvent> findLatest(Collection<String> sections, int limit) {
		String where = (sections != null) ? "where " + IN_SECTIONS : "";
		var spec = this.db.sql("""
				select id, type, section, previous_section, headline, created_at, timeline, tags, authors, language,
				    previous_tags, previous_authors, previous_language
				from article_events
				%s
				order by id desc
				limit :limit
				""".formatted(where)).bind("limit", limit);
		if (sections != null) {
			spec = spec.bind("sections", sections.toArray(String[]::new));
		}
		return spec.map(this::event).all();
	}

	/**
	 * Claims the WebSub ping of an event for this instance: true for exactly one caller
	 * per event, whichever instance asks first.
	 */
	public Mono<Boolean> claimHubPing(long id) {
		return this.db.sql("""
				update article_events set hub_pinged_at = clock_timestamp()
				where id = :id and hub_pinged_at is null
				returning id
				""").bind("id", id).map((row) -> row.get("id", Long.class)).one().hasElement();
	}

	/** Id of the newest committed event, 0 when there is none. */
	public Mono<Long> latestId() {
		return this.db.sql("select coalesce(max(id), 0) as id from article_events")
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/** Position of the newest committed event, {@link OutboxPosition#START} when none. */
	public Mono<OutboxPosition> latest() {
		return this.db.sql("select timeline, id from article_events order by id desc limit 1")
			.map(ArticleEventRepository::position)
			.one()
			.defaultIfEmpty(OutboxPosition.START);
	}

	/**
	 * Where the history this database holds parted from {@code delivered}, a position
	 * this instance delivered, perhaps from an earlier primary: {@code delivered} itself
	 * while the database still holds that event, otherwise the newest event before it
	 * written no later than its timeline (a promoted standby writes on a newer one).
	 */
	public Mono<OutboxPosition> commonAncestor(OutboxPosition delivered) {
		return this.db.sql("""
				select timeline, id from article_events
				where id <= :id and timeline <= :timeline and (id < :id or timeline = :timeline)
				order by id desc
				limit 1
				""")
			.bind("id", delivered.id())
			.bind("timeline", delivered.timeline())
			.map(ArticleEventRepository::position)
			.one()
			.defaultIfEmpty(OutboxPosition.START);
	}

	/**
	 * When an event was written and on which timeline; empty when no such event exists.
	 */
	public Mono<Stored> stored(long id) {
		return this.db.sql("select created_at, timeline from article_events where id = :id")
			.bind("id", id)
			.map((row) -> new Stored(row.get("created_at", Instant.class), row.get("timeline", Integer.class)))
			.one();
	}

	private static OutboxPosition position(Readable row) {
		return new OutboxPosition(row.get("timeline", Integer.class), row.get("id", Long.class));
	}

	/** What the outbox holds under an id. */
	public record Stored(Instant createdAt, int timeline) {

	}

	private ArticleEvent event(Readable row) {
		Headline headline = this.json.readValue(row.get("headline", Json.class).asArray(), Headline.class);
		return new ArticleEvent(row.get("id", Long.class), ArticleEventType.fromWireName(row.get("type", String.class)),
				row.get("section", String.class), row.get("previous_section", String.class), headline,
				row.get("created_at", Instant.class), row.get("timeline", Integer.class),
				new ArticleEvent.Taxonomy(list(row.get("tags", String[].class)),
						list(row.get("authors", String[].class)), row.get("language", String.class)),
				previous(row));
	}

	private static ArticleEvent.Taxonomy previous(Readable row) {
		String[] tags = row.get("previous_tags", String[].class);
		String[] authors = row.get("previous_authors", String[].class);
		String language = row.get("previous_language", String.class);
		if (tags == null && authors == null && language == null) {
			return null;
		}
		return new ArticleEvent.Taxonomy(list(tags), list(authors), language);
	}

	private static List<String> list(String[] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
