package news.herald.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox id is the cursor of every reader, so a reader that asks for
 * {@code id > last} while writers commit concurrently must never skip an id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxOrderingIntegrationTests {

	private static final int WRITERS = 8;

	private static final int ARTICLES_PER_WRITER = 25;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	ArticleEventRepository events;

	@Test
	void idsBecomeVisibleInCommitOrderWithoutGapsUnderConcurrentWriters() {
		long start = this.events.latestId().block(Duration.ofSeconds(10));
		AtomicBoolean writing = new AtomicBoolean(true);
		List<Long> seen = new ArrayList<>();
		// A reader polling id > last as fast as it can, while 8 writers commit
		// concurrently.
		Mono<Void> reader = Mono.defer(() -> {
			long last = seen.isEmpty() ? start : seen.get(seen.size() - 1);
			return this.events.findAfter(last, null, 1000).map(ArticleEvent::id).collectList();
		}).doOnNext(seen::addAll).repeat(() -> writing.get() || !caughtUp(seen, start)).then();
		Flux<Object> writers = Flux.range(0, WRITERS)
			.flatMap((writer) -> Flux.range(0, ARTICLES_PER_WRITER)
				.concatMap((n) -> this.publisher.create(draft(writer, n)))
				.subscribeOn(Schedulers.parallel()), WRITERS)
			.cast(Object.class)
			.doFinally((signal) -> writing.set(false));
		Mono.when(writers.then(), reader.subscribeOn(Schedulers.boundedElastic())).block(Duration.ofMinutes(2));

		long total = WRITERS * ARTICLES_PER_WRITER;
		assertThat(seen).hasSize((int) total);
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i)).as("event %d seen by the reader", i).isEqualTo(start + i + 1);
		}
	}

	private boolean caughtUp(List<Long> seen, long start) {
		long expected = start + WRITERS * ARTICLES_PER_WRITER;
		return !seen.isEmpty() && seen.get(seen.size() - 1) >= expected;
	}

	private static ArticleDraft draft(int writer, int n) {
		String id = "ordering-" + writer + "-" + n + "-" + System.nanoTime();
		return new ArticleDraft(id, null, "europe", "Ordering test " + id, "Summary", "<p>Body</p>",
				"https://news.example/ordering/" + id, List.of("Desk"), "en", null, List.of(), null,
				Instant.parse("2026-01-01T00:00:00Z"));
	}

}
