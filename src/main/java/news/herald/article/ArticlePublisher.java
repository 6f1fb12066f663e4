package news.herald.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;
import news.herald.http.Sha256;

/**
 * The newsroom's writes. Each change to an article and its outbox event commit in one
 * transaction, so a headline is in the feeds and streams if and only if it is stored.
 * <p>
 * An embargoed (scheduled) article has no event until {@link #releaseDue} publishes it:
 * no feed or stream has seen it, so editing it emits nothing, and retracting it only
 * marks it retracted (an event would announce a headline nobody was shown).
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
	 * scheduled and gets its {@code published} event only when released. A missing
	 * {@code publishedAt} means now. Its {@code updatedAt} is its {@code publishedAt}
	 * until an edit moves it.
	 */
	public Mono<Publication> create(ArticleDraft draft) {
		String hash = contentHash(draft);
		String base = (draft.slug() != null && !draft.slug().isBlank()) ? draft.slug() : Slugs.of(draft.title());
		Mono<Publication> create = Mono.defer(() -> {
			Instant now = now();
			Instant publishedAt = (draft.publishedAt() != null) ? draft.publishedAt() : now;
			ArticleStatus status = publishedAt.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
			return insertOrFind(withPublishedAt(draft, publishedAt), base, 1, status, hash);
		});
		// A unique index can still refuse a row another transaction committed after the
		// insert looked (an external id moving on update); running again sees it.
		return this.transaction.transactional(create).retryWhen(uniqueViolation());
	}

	/**
	 * Inserts under the first free slug of {@code base}, {@code base-2}, ...; a new
	 * article costs one statement. When the insert is refused by a unique index, either
	 * the external id exists (a CMS retry, or a conflict) or the slug is taken and the
	 * next one is tried.
	 */
	private Mono<Publication> insertOrFind(ArticleDraft draft, String base, int attempt, ArticleStatus status,
			String hash) {
		String candidate = (attempt == 1) ? base : base + "-" + attempt;
		Mono<Publication> nextSlug = Mono.defer(() -> insertOrFind(draft, base, attempt + 1, status, hash));
		// Not edited yet, so last updated when published (for an embargoed article: when
		// it is released), not when Herald happened to receive it.
		return this.articles.insertUnlessTaken(draft, candidate, status, draft.publishedAt(), hash)
			.flatMap((article) -> (status == ArticleStatus.PUBLISHED) ? publishEvent(article) : Mono.just(article))
			.map((article) -> new Publication(article, true))
			.switchIfEmpty(
					Mono.defer(() -> (draft.externalId() != null) ? this.articles.findByExternalId(draft.externalId())
						.map((existing) -> retry(existing, hash))
						.switchIfEmpty(nextSlug) : nextSlug));
	}

	private Publication retry(Article existing, String hash) {
		if (!existing.contentHash().equals(hash)) {
			throw new ArticleConflictException(existing);
		}
		return new Publication(existing, false);
	}

	/**
	 * Replaces an article's content. {@code precondition} sees the article as stored,
	 * under its row lock, and may refuse the write (If-Match, section rights) by
	 * throwing. Omitted {@code externalId}, {@code slug} and {@code publishedAt} keep
	 * their stored values. The same content again changes nothing, so a retried PUT is
	 * harmless.
	 */
	public Mono<Article> update(UUID id, ArticleDraft draft, Consumer<Article> precondition) {
		String hash = contentHash(draft);
		Mono<Article> update = lockForWrite(id, precondition).flatMap((current) -> {
			if (current.status() == ArticleStatus.RETRACTED) {
				return Mono.error(new ArticleGoneException(current));
			}
			if (current.contentHash().equals(hash)) {
				return Mono.just(current);
			}
			return replace(current, draft, hash);
		});
		return this.transaction.transactional(update).retryWhen(uniqueViolation());
	}

	private Mono<Article> replace(Article current, ArticleDraft draft, String hash) {
		Instant now = now();
		Instant publishedAt = (draft.publishedAt() != null) ? draft.publishedAt() : current.publishedAt();
		boolean embargoed = publishedAt.isAfter(now);
		if (current.status() == ArticleStatus.PUBLISHED && embargoed) {
			return Mono.error(new ArticleStateException(current,
					"is already published; it cannot be put under embargo again. Keep publishedAt in the past, "
							+ "or retract it."));
		}
		ArticleDraft merged = new ArticleDraft((draft.externalId() != null) ? draft.externalId() : current.externalId(),
				(draft.slug() != null) ? draft.slug() : current.slug(), draft.section(), draft.title(), draft.summary(),
				draft.bodyHtml(), draft.url(), draft.authors(), draft.language(), draft.image(), draft.tags(),
				draft.source(), publishedAt);
		Mono<Void> identity = checkExternalId(current, merged.externalId()).then(checkSlug(current, merged.slug()));
		if (current.status() == ArticleStatus.SCHEDULED) {
			ArticleStatus status = embargoed ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
			Mono<Article> stored = identity.then(this.articles.update(current.id(), merged, status, now, hash));
			// Still embargoed: nobody has seen it, so there is nothing to announce.
			return embargoed ? stored : stored.flatMap(this::publishEvent);
		}
		String previousSection = Objects.equals(current.section(), merged.section()) ? null : current.section();
		return identity.then(this.articles.update(current.id(), merged, ArticleStatus.PUBLISHED, now, hash))
			.flatMap((article) -> this.events
				.append(ArticleEventType.UPDATED, article.headline(), previousSection, article.taxonomy(),
						current.taxonomy())
				.thenReturn(article));
	}

	private Mono<Void> checkExternalId(Article current, String externalId) {
		if (externalId == null || externalId.equals(current.externalId())) {
			return Mono.empty();
		}
		return this.articles.findByExternalId(externalId)
			.flatMap((other) -> Mono.<Void>error(new ArticleStateException(current,
					"cannot take externalId '" + externalId + "': article " + other.id() + " has it.")));
	}

	private Mono<Void> checkSlug(Article current, String slug) {
		if (slug.equals(current.slug())) {
			return Mono.empty();
		}
		return this.articles.slugTaken(slug)
			.flatMap((taken) -> taken ? Mono.<Void>error(
					new ArticleStateException(current, "cannot take slug '" + slug + "': another article has it."))
					: Mono.empty());
	}

	/**
	 * Retracts an article: it leaves every list, feed and stream, and reads of it answer
	 * 410. The row stays. Retracting a retracted article changes nothing.
	 */
	public Mono<Article> retract(UUID id, Consumer<Article> precondition) {
		Mono<Article> retract = lockForWrite(id, precondition).flatMap((current) -> {
			if (current.status() == ArticleStatus.RETRACTED) {
				return Mono.just(current);
			}
			Mono<Article> retracted = this.articles.changeStatus(current.id(), ArticleStatus.RETRACTED, now());
			if (current.status() == ArticleStatus.SCHEDULED) {
				return retracted;
			}
			return retracted.flatMap((article) -> this.events
				.append(ArticleEventType.RETRACTED, article.headline(), null, article.taxonomy(), null)
				.thenReturn(article));
		});
		return this.transaction.transactional(retract);
	}

	/**
	 * Publishes every embargoed article whose time has come, oldest first, each with its
	 * {@code published} event, in one transaction. Its {@code updatedAt} becomes its
	 * release time, {@code publishedAt}: edits under embargo were never shown to anyone.
	 * Rows another instance is releasing are skipped ({@code for update skip locked}), so
	 * each article is released exactly once however many instances run this.
	 * @return how many articles this call released
	 */
	public Mono<Long> releaseDue(int batch) {
		// The due rows are read in full before the first update: one connection runs one
		// statement at a time.
		Mono<Long> release = Mono.defer(() -> this.articles.lockDue(now(), batch)
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((due) -> this.articles.release(due.id()).flatMap(this::publishEvent))
			.count());
		return this.transaction.transactional(release);
	}

	/** The article under its row lock, after the caller's preconditions. */
	private Mono<Article> lockForWrite(UUID id, Consumer<Article> precondition) {
		return this.articles.findByIdForUpdate(id)
			.switchIfEmpty(Mono.error(() -> new ArticleNotFoundException(id.toString())))
			.doOnNext(precondition);
	}

	private Mono<Article> publishEvent(Article article) {
		return this.events.appendPublished(article.headline(), article.taxonomy()).map(article::withSeq);
	}

	private static Retry uniqueViolation() {
		return Retry.backoff(3, Duration.ofMillis(10))
			.filter(DataIntegrityViolationException.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private static ArticleDraft withPublishedAt(ArticleDraft draft, Instant publishedAt) {
		return new ArticleDraft(draft.externalId(), draft.slug(), draft.section(), draft.title(), draft.summary(),
				draft.bodyHtml(), draft.url(), draft.authors(), draft.language(), draft.image(), draft.tags(),
				draft.source(), publishedAt);
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncate so what we return equals what we
		// stored.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private String contentHash(ArticleDraft draft) {
		return Sha256.hex(this.json.writeValueAsBytes(draft));
	}

	/**
	 * The outcome of a write: the article as stored, and whether this call created it.
	 */
	public record Publication(Article article, boolean created) {

	}

}
