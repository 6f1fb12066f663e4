package news.herald.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

@Repository
public class ArticleRepository {

	private static final String COLUMNS = """
			id, slug, external_id, section, title, summary, body_html, url, authors, language,
			image_url, image_caption, image_credit, image_license, tags, source_name, source_url,
			published_at, updated_at, status, version, seq, content_hash""";

	private final DatabaseClient db;

	ArticleRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Article> findById(UUID id) {
		return this.db.sql("select " + COLUMNS + " from articles where id = :id")
			.bind("id", id)
			.map(ArticleRepository::article)
			.one();
	}

	/**
	 * The article with its row locked until the transaction ends, so concurrent writes
	 * (and the embargo release) to one article take turns.
	 */
	public Mono<Article> findByIdForUpdate(UUID id) {
		return this.db.sql("select " + COLUMNS + " from articles where id = :id for update")
			.bind("id", id)
			.map(ArticleRepository::article)
			.one();
	}

	/**
	 * Embargoed articles whose time has come, oldest first, locked; rows another
	 * transaction holds are skipped rather than waited for, so concurrent releasers share
	 * the work instead of repeating it.
	 */
	public Flux<Article> lockDue(Instant now, int limit) {
		return this.db.sql("select " + COLUMNS + """
				 from articles
				where status = 'scheduled' and published_at <= :now
				order by published_at, id
				limit :limit
				for update skip locked""").bind("now", now).bind("limit", limit).map(ArticleRepository::article).all();
	}

	/**
	 * Lifts the embargo of a locked, scheduled article; content and version stay, and it
	 * was last updated when released.
	 */
	public Mono<Article> release(UUID id) {
		return this.db.sql("""
				update articles set status = 'published', updated_at = published_at
				where id = :id and status = 'scheduled'
				returning """ + " " + COLUMNS).bind("id", id).map(ArticleRepository::article).one();
	}

	public Mono<Article> findBySlug(String slug) {
		return this.db.sql("select " + COLUMNS + " from articles where slug = :slug")
			.bind("slug", slug)
			.map(ArticleRepository::article)
			.one();
	}

	public Mono<Article> findByExternalId(String externalId) {
		return this.db.sql("select " + COLUMNS + " from articles where external_id = :externalId")
			.bind("externalId", externalId)
			.map(ArticleRepository::article)
			.one();
	}

	/**
	 * Published articles newest first (by {@code seq}), of the given sections or of all
	 * when null, strictly older than {@code beforeSeq} when it is not null.
	 */
	public Flux<Article> findPublished(Collection<String> sections, Long beforeSeq, int limit) {
		return findPublished(new ArticleFilter((sections != null) ? Set.copyOf(sections) : null, null, null, null),
				beforeSeq, limit);
	}

	/**
	 * Published articles the filter keeps, newest first (by {@code seq}), strictly older
	 * than {@code beforeSeq} when it is not null.
	 */
	public Flux<Article> findPublished(ArticleFilter filter, Long beforeSeq, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from articles where status = 'published'");
		if (filter.sections() != null) {
			sql.append(" and section = any(:sections)");
		}
		if (filter.tags() != null) {
			sql.append(" and tags && :tags");
		}
		if (filter.authors() != null) {
			sql.append(" and authors && :authors");
		}
		if (filter.language() != null) {
			sql.append(" and lower(language) = :language");
		}
		if (beforeSeq != null) {
			sql.append(" and seq < :before");
		}
		sql.append(" order by seq desc limit :limit");
		GenericExecuteSpec spec = this.db.sql(sql.toString()).bind("limit", limit);
		spec = filter.bind(spec);
		if (beforeSeq != null) {
			spec = spec.bind("before", beforeSeq);
		}
		return spec.map(ArticleRepository::article).all();
	}

	/** How many published articles carry each tag (or, for authors, each author) name. */
	Flux<Map.Entry<String, Long>> countNames(String column) {
		if (!column.equals("tags") && !column.equals("authors")) {
			throw new IllegalArgumentException(column);
		}
		return this.db
			.sql("select name, count(*) as n from articles, unnest(" + column
					+ ") name where status = 'published' group by name")
			.map((row) -> Map.entry(row.get("name", String.class), row.get("n", Long.class)))
			.all();
	}

	/**
	 * Published articles matching a search, newest first (by {@code seq}), of the given
	 * sections or of all when null, strictly older than {@code beforeSeq} when it is not
	 * null. The query is read in every language's text-search configuration
	 * ({@code article_search_query}, migration V8) and matched against the generated
	 * {@code search} column through its GIN index.
	 */
	public Flux<Article> search(SearchQuery query, Collection<String> sections, Long beforeSeq, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + """
				 from articles
				where status = 'published' and search @@ article_search_query(:query)""");
		if (sections != null) {
			sql.append(" and section = any(:sections)");
		}
		if (beforeSeq != null) {
			sql.append(" and seq < :before");
		}
		sql.append(" order by seq desc limit :limit");
		GenericExecuteSpec spec = this.db.sql(sql.toString()).bind("query", query.text()).bind("limit", limit);
		if (sections != null) {
			spec = spec.bind("sections", sections.toArray(String[]::new));
		}
		if (beforeSeq != null) {
			spec = spec.bind("before", beforeSeq);
		}
		return spec.map(ArticleRepository::article).all();
	}

	public Mono<Long> count() {
		return this.db.sql("select count(*) as n from articles").map((row) -> row.get("n", Long.class)).one();
	}

	/** Whether a slug is free, so a new article can take it. */
	public Mono<Boolean> slugTaken(String slug) {
		return this.db.sql("select exists (select 1 from articles where slug = :slug) as taken")
			.bind("slug", slug)
			.map((row) -> row.get("taken", Boolean.class))
			.one();
	}

	/**
	 * Inserts a new article unless another already has its slug or external id, in which
	 * case nothing is inserted and the result is empty. The database assigns the id.
	 */
	public Mono<Article> insertUnlessTaken(ArticleDraft draft, String slug, ArticleStatus status, Instant updatedAt,
			String contentHash) {
		GenericExecuteSpec spec = this.db.sql("""
				insert into articles (slug, external_id, section, title, summary, body_html, url, authors, language,
				    image_url, image_caption, image_credit, image_license, tags, source_name, source_url,
				    published_at, updated_at, status, version, content_hash)
				values (:slug, :externalId, :section, :title, :summary, :bodyHtml, :url, :authors, :language,
				    :imageUrl, :imageCaption, :imageCredit, :imageLicense, :tags, :sourceName, :sourceUrl,
				    :publishedAt, :updatedAt, :status, 1, :contentHash)
				on conflict do nothing
				""" + "returning " + COLUMNS)
			.bind("slug", slug)
			.bind("status", status.dbName())
			.bind("updatedAt", updatedAt)
			.bind("contentHash", contentHash);
		return bindContent(spec, draft).map(ArticleRepository::article).one();
	}

	/**
	 * Replaces the content (and slug) of an article, bumping its version; the draft
	 * carries every value to store.
	 */
	public Mono<Article> update(UUID id, ArticleDraft draft, ArticleStatus status, Instant now, String contentHash) {
		GenericExecuteSpec spec = this.db.sql("""
				update articles set external_id = :externalId, slug = :slug, section = :section, title = :title,
				    summary = :summary, body_html = :bodyHtml, url = :url, authors = :authors, language = :language,
				    image_url = :imageUrl, image_caption = :imageCaption, image_credit = :imageCredit,
				    image_license = :imageLicense, tags = :tags, source_name = :sourceName, source_url = :sourceUrl,
				    published_at = :publishedAt, updated_at = :updatedAt, status = :status,
				    version = version + 1, content_hash = :contentHash
				where id = :id
				returning """ + " " + COLUMNS)
			.bind("id", id)
			.bind("slug", draft.slug())
			.bind("status", status.dbName())
			.bind("updatedAt", now)
			.bind("contentHash", contentHash);
		return bindContent(spec, draft).map(ArticleRepository::article).one();
	}

	/**
	 * Sets the status (and optionally the publishing event) without touching the content.
	 */
	public Mono<Article> changeStatus(UUID id, ArticleStatus status, Instant now) {
		return this.db.sql("""
				update articles set status = :status, updated_at = :updatedAt, version = version + 1
				where id = :id
				returning """ + " " + COLUMNS)
			.bind("id", id)
			.bind("status", status.dbName())
			.bind("updatedAt", now)
			.map(ArticleRepository::article)
			.one();
	}

	private static GenericExecuteSpec bindContent(GenericExecuteSpec spec, ArticleDraft draft) {
		Article.Image image = draft.image();
		Article.Source source = draft.source();
		spec = spec.bind("section", draft.section())
			.bind("title", draft.title())
			.bind("summary", orEmpty(draft.summary()))
			.bind("bodyHtml", orEmpty(draft.bodyHtml()))
			.bind("url", draft.url())
			.bind("authors", array(draft.authors()))
			.bind("language", draft.language())
			.bind("tags", array(draft.tags()))
			.bind("publishedAt", draft.publishedAt());
		spec = nullable(spec, "externalId", draft.externalId());
		spec = nullable(spec, "imageUrl", (image != null) ? image.url() : null);
		spec = nullable(spec, "imageCaption", (image != null) ? image.caption() : null);
		spec = nullable(spec, "imageCredit", (image != null) ? image.credit() : null);
		spec = nullable(spec, "imageLicense", (image != null) ? image.license() : null);
		spec = nullable(spec, "sourceName", (source != null) ? source.name() : null);
		return nullable(spec, "sourceUrl", (source != null) ? source.url() : null);
	}

	private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, String.class);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String[] array(List<String> values) {
		return (values != null) ? values.toArray(String[]::new) : new String[0];
	}

	static Article article(Readable row) {
		String imageUrl = row.get("image_url", String.class);
		String sourceName = row.get("source_name", String.class);
		String sourceUrl = row.get("source_url", String.class);
		return new Article(row.get("id", UUID.class), row.get("slug", String.class),
				row.get("external_id", String.class), row.get("section", String.class), row.get("title", String.class),
				row.get("summary", String.class), row.get("body_html", String.class), row.get("url", String.class),
				list(row.get("authors", String[].class)), row.get("language", String.class),
				(imageUrl != null) ? new Article.Image(imageUrl, row.get("image_caption", String.class),
						row.get("image_credit", String.class), row.get("image_license", String.class)) : null,
				list(row.get("tags", String[].class)),
				(sourceName != null || sourceUrl != null) ? new Article.Source(sourceName, sourceUrl) : null,
				row.get("published_at", Instant.class), row.get("updated_at", Instant.class),
				ArticleStatus.fromDbName(row.get("status", String.class)), row.get("version", Integer.class),
				row.get("seq", Long.class), row.get("content_hash", String.class));
	}

	private static List<String> list(String[] values) {
		return (values != null) ? List.copyOf(Arrays.asList(values)) : List.of();
	}

}
