package news.herald.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContext;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;
import news.herald.event.ArticleEventRepository;

/**
 * The newsroom's writes as feed tests need them, through {@link ArticlePublisher}: the
 * same service the publishing API calls, so each write and its outbox event commit
 * together.
 */
final class Newsroom {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ArticlePublisher publisher;

	private final ArticleEventRepository events;

	Newsroom(ApplicationContext context) {
		this.publisher = context.getBean(ArticlePublisher.class);
		this.events = context.getBean(ArticleEventRepository.class);
	}

	static String unique(String prefix) {
		return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
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
		return this.publisher.update(existing.id(), draft, (current) -> {
		}).block(TIMEOUT);
	}

	/** Takes the article out of every feed, as {@code DELETE /api/articles/{id}} does. */
	Article retract(Article existing) {
		return this.publisher.retract(existing.id(), (current) -> {
		}).block(TIMEOUT);
	}

	long latestEventId() {
		return this.events.latestId().block(TIMEOUT);
	}

}
