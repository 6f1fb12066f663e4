package news.herald.stream;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

import news.herald.TestHttp;
import news.herald.article.ArticlePublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resume older than the retention gets a reset. The test ages an event by rewriting the
 * outbox, which the window of recent events (never older than an hour, by its commit
 * time) does not see, so this context runs without the window and reads the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=stream-retention", "herald.stream.window-size=0" })
class StreamRetentionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	DatabaseClient db;

	@Autowired
	Broadcast broadcast;

	@Test
	void lastEventIdOlderThanTheRetentionWindowGetsResetThenLive() {
		Newsroom newsroom = new Newsroom(this.publisher);
		long old = newsroom.publish("europe", "Long ago");
		this.db.sql("update article_events set created_at = created_at - interval '8 days' where id = :id")
			.bind("id", old)
			.fetch()
			.rowsUpdated()
			.block(TIMEOUT);
		// Until this instance has relayed it, the reset would (rightly) continue before
		// it.
		await().atMost(TIMEOUT).until(() -> this.broadcast.lastId() >= old);
		StepVerifier
			.create(SseClient.blocks(TestHttp.rawClient(), this.port, "/stream/europe",
					Map.of("Last-Event-ID", String.valueOf(old))))
			.assertNext((block) -> assertThat(block.text()).isEqualTo("retry: 5000"))
			.assertNext((block) -> {
				assertThat(block.event()).isEqualTo("reset");
				assertThat(block.id()).isGreaterThanOrEqualTo(old);
				assertThat(block.data()).contains("expired");
			})
			.then(() -> newsroom.publish("europe", "After the reset"))
			.assertNext((block) -> assertThat(block.data()).as(block.text()).contains("After the reset"))
			.thenCancel()
			.verify(TIMEOUT);
	}

}
