package news.herald.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;
import news.herald.article.ArticleRepository;
import news.herald.article.ArticleStatus;
import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;

/**
 * The newsroom's writes as feed tests need them: create through {@link ArticlePublisher},
 * update and retract the way the publishing API does (article row and outbox event in one
 * transaction).
 */
final class Newsroom {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ArticlePublisher publisher;

	private final ArticleRepository articles;

	private final ArticleEventRepository events;

	private final TransactionalOperator transaction;

	Newsroom(ApplicationContext context) {
		this.publisher = context.getBean(ArticlePublisher.class);
		this.articles = context.getBean(ArticleRepository.class);
		this.events = context.getBean(ArticleEventRepository.class);
		this.transaction = context.getBean(TransactionalOperator.class);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A complete article with photo, tags, authors and source. */
	static ArticleDraft draft(String externalId, String section, String title) {
		return new ArticleDraft(externalId, null, section, title, "Summary of " + title,
				"<p>Body of " + title + "</p><script>alert(1)</script>", "https://news.example/" + externalId,
				List.of("Aigerim Seitkali", "John Doe"), "en",
				new Article.Image("https://news.example/images/" + externalId + ".jpg", "Caption of " + title,
						"Photo: Herald Staff", "CC BY 4.0"),
				List.of("Economy", "Energy"), new Article.Source("Orda.kz", "https://orda.kz/"),
				Instant.parse("2026-01-02T03:04:05Z"));
	}

	Article publish(ArticleDraft draft) {
		return this.publisher.create(draft).block(TIMEOUT).article();
	}

	/** Replaces the content, as {@code PUT /api/articles/{id}} does. */
	Article update(Article existing, ArticleDraft draft) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String previous = Objects.equals(existing.section(), draft.section()) ? null : existing.section();
		return this.transaction
			.transactional(this.articles.update(existing.id(), draft, ArticleStatus.PUBLISHED, now, "test-" + now)
				.flatMap((updated) -> this.events.append(ArticleEventType.UPDATED, updated.headline(), previous)
					.thenReturn(updated)))
			.block(TIMEOUT);
	}

	/** Takes the article out of every feed, as {@code DELETE /api/articles/{id}} does. */
	Article retract(Article existing) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return this.transaction
			.transactional(this.articles.changeStatus(existing.id(), ArticleStatus.RETRACTED, now)
				.flatMap((retracted) -> this.events.append(ArticleEventType.RETRACTED, retracted.headline(), null)
					.thenReturn(retracted)))
			.block(TIMEOUT);
	}

	long latestEventId() {
		return this.events.latestId().block(TIMEOUT);
	}

}
