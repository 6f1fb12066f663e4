package news.herald.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;

/** Publishes test headlines through the real publishing path. */
final class Newsroom {

	private final ArticlePublisher publisher;

	Newsroom(ArticlePublisher publisher) {
		this.publisher = publisher;
	}

	static ArticleDraft draft(String section, String title, String summary) {
		String externalId = "stream-test-" + UUID.randomUUID();
		return new ArticleDraft(externalId, null, section, title, summary, "<p>" + title + "</p>",
				"https://news.example/" + externalId, List.of("Desk"), "en", null, List.of(), null,
				Instant.now().minusSeconds(1));
	}

	/** Publishes and returns the id of the {@code published} event. */
	long publish(String section, String title) {
		return publish(draft(section, title, "Summary of " + title));
	}

	long publish(ArticleDraft draft) {
		Article article = this.publisher.create(draft).block(Duration.ofSeconds(30)).article();
		return article.seq();
	}

	/**
	 * Publishes, retrying while the database is away. The same externalId makes a retry
	 * of a write that did commit return the stored article instead of a second one.
	 */
	long publishRetrying(ArticleDraft draft) {
		return publishRetrying(draft, new AtomicInteger());
	}

	long publishRetrying(ArticleDraft draft, AtomicInteger failures) {
		// An attempt caught by the outage may hang on its dead connection: give up on it
		// as a CMS would, and try again.
		return Mono.defer(() -> this.publisher.create(draft))
			.timeout(Duration.ofSeconds(10))
			.doOnError((ex) -> failures.incrementAndGet())
			.retryWhen(Retry.fixedDelay(600, Duration.ofMillis(200)))
			.block(Duration.ofSeconds(180))
			.article()
			.seq();
	}

}
