package news.herald.article;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;

/**
 * The newsroom's writes. Each change to an article and its outbox event commit in one
 * transaction, so a headline is in the feeds and streams if and only if it is stored.
 */
@Service
public class ArticlePublisher {

	private final ArticleRepository articles;

	private final ArticleEventRepository events;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	private final Clock clock;

	ArticlePublisher(ArticleRepository articles, ArticleEventRepository events, TransactionalOperator transaction,
			JsonMapper json, Clock clock) {
		this.articles = articles;
		this.events = events;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Creates an article, or returns the existing one when the same external id arrives
	 * again with the same content (a CMS retry). An embargoed article is stored as
	 * scheduled and gets its {@code published} event only when released.
	 */
	public Mono<Publication> create(ArticleDraft draft) {
		String hash = contentHash(draft);
		Mono<Publication> create = Mono
			.defer(() -> (draft.externalId() != null) ? this.articles.findByExternalId(draft.externalId())
				.map((existing) -> retry(existing, hash))
				.switchIfEmpty(Mono.defer(() -> insert(draft, hash))) : insert(draft, hash));
		return this.transaction.transactional(create);
	}

	private Publication retry(Article existing, String hash) {
		if (!existing.contentHash().equals(hash)) {
			throw new ArticleConflictException(existing);
		}
		return new Publication(existing, false);
	}

	private Mono<Publication> insert(ArticleDraft draft, String hash) {
		Instant now = now();
		ArticleStatus status = draft.publishedAt().isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
		String base = (draft.slug() != null && !draft.slug().isBlank()) ? draft.slug() : Slugs.of(draft.title());
		return freeSlug(base, 1).flatMap((slug) -> this.articles.insert(draft, slug, status, draft.publishedAt(), hash))
			.flatMap((article) -> (status == ArticleStatus.PUBLISHED) ? publishEvent(article) : Mono.just(article))
			.map((article) -> new Publication(article, true));
	}

	private Mono<Article> publishEvent(Article article) {
		return this.events.append(ArticleEventType.PUBLISHED, article.headline(), null)
			.flatMap((eventId) -> this.articles.assignSeq(article.id(), eventId));
	}

	private Mono<String> freeSlug(String base, int attempt) {
		String candidate = (attempt == 1) ? base : base + "-" + attempt;
		return this.articles.slugTaken(candidate)
			.flatMap((taken) -> taken ? freeSlug(base, attempt + 1) : Mono.just(candidate));
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncate so what we return equals what we
		// stored.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private String contentHash(ArticleDraft draft) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(draft));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The outcome of a write: the article as stored, and whether this call created it.
	 */
	public record Publication(Article article, boolean created) {

	}

}
