package news.herald.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.TestHttp;
import news.herald.article.ArticlePublisher;
import news.herald.database.EmbeddedDatabase;
import news.herald.stream.SseClient.Block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resumes and backfills inside the window of recent events are answered from memory,
 * older ones from the outbox, and the seam between the two has no gap and no duplicate.
 * The window holds 5 events here, so after 8 published events it holds the last 5.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"herald.test.context=stream-window", "herald.publishing.demo-content=false", "herald.stream.window-size=5" })
class StreamWindowIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	Broadcast broadcast;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EmbeddedDatabase database;

	@AfterEach
	void databaseIsBack() {
		this.database.start();
	}

	@Test
	void resumesJustInsideAtAndJustOutsideTheWindowWithoutGapOrDuplicate() {
		List<Long> ids = publish(8);
		long floor = ids.get(2);

		assertResumesWith(ids.get(3), ids.subList(4, 8), "window");
		assertResumesWith(floor, ids.subList(3, 8), "window");
		assertResumesWith(ids.get(1), ids.subList(2, 8), "outbox");
	}

	@Test
	void theWindowMeetsTheLiveStreamWithoutGapOrDuplicate() {
		List<Long> ids = publish(6);
		Newsroom newsroom = new Newsroom(this.publisher);
		List<Long> seen = new ArrayList<>();
		Flux<Block> stream = SseClient.blocks(TestHttp.rawClient(), this.port, "/stream/world",
				Map.of("Last-Event-ID", Long.toString(ids.get(3))));
		List<Long> later = new ArrayList<>();
		StepVerifier.create(stream.filter(Block::isArticleEvent).map(Block::id))
			.recordWith(() -> seen)
			.expectNextCount(2)
			.then(() -> later.add(newsroom.publishRetrying(Newsroom.draft("world", "After the replay", "Summary"))))
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(seen).containsExactly(ids.get(4), ids.get(5), later.get(0));
	}

	@Test
	void backfillInsideTheWindowReadsNoOutbox() {
		List<Long> ids = publish(6);
		double outbox = reads("outbox");
		List<Long> backfilled = SseClient.blocks(this.port, "/stream/world?backfill=3")
			.filter(Block::isArticleEvent)
			.map(Block::id)
			.take(3)
			.collectList()
			.block(TIMEOUT);
		assertThat(backfilled).containsExactlyElementsOf(ids.subList(3, 6));
		assertThat(reads("outbox")).isEqualTo(outbox);
	}

	@Test
	void resumesInsideTheWindowWhileTheDatabaseIsDown() {
		List<Long> ids = publish(6);
		this.database.stop();
		List<Long> replayed = SseClient
			.blocks(TestHttp.rawClient(), this.port, "/stream", Map.of("Last-Event-ID", Long.toString(ids.get(2))))
			.filter(Block::isArticleEvent)
			.map(Block::id)
			.take(3)
			.collectList()
			.block(TIMEOUT);
		assertThat(replayed).containsExactlyElementsOf(ids.subList(3, 6));
	}

	@Test
	void resumesOlderThanTheWindowWhileTheDatabaseIsDownAre503BeforeTheStreamOpens() {
		List<Long> ids = publish(8);
		this.database.stop();
		for (String path : List.of("/stream/world", "/stream")) {
			var refused = TestHttp.rawClient()
				.port(this.port)
				.host("127.0.0.1")
				.headers((headers) -> headers.set("Last-Event-ID", Long.toString(ids.get(1))))
				.get()
				.uri(path)
				.responseSingle(
						(response, body) -> body.asString().defaultIfEmpty("").map((text) -> Map.entry(response, text)))
				.block(TIMEOUT);
			assertThat(refused.getKey().status().code()).as(path).isEqualTo(503);
			assertThat(refused.getKey().responseHeaders().get("Content-Type")).as(path)
				.isEqualTo("application/problem+json");
			assertThat(refused.getKey().responseHeaders().get("Retry-After")).as(path).isEqualTo("5");
			JsonNode problem = JsonMapper.shared().readTree(refused.getValue());
			assertThat(problem.get("status").asInt()).isEqualTo(503);
			assertThat(problem.get("detail").asString()).contains("Last-Event-ID").contains("Retry-After");
		}
		// Inside the window the same outage still resumes from memory.
		List<Long> replayed = SseClient
			.blocks(TestHttp.rawClient(), this.port, "/stream/world",
					Map.of("Last-Event-ID", Long.toString(ids.get(5))))
			.filter(Block::isArticleEvent)
			.map(Block::id)
			.take(2)
			.collectList()
			.block(TIMEOUT);
		assertThat(replayed).containsExactlyElementsOf(ids.subList(6, 8));
	}

	private void assertResumesWith(long lastEventId, List<Long> expected, String source) {
		double before = reads(source);
		List<Long> replayed = SseClient
			.blocks(TestHttp.rawClient(), this.port, "/stream/world",
					Map.of("Last-Event-ID", Long.toString(lastEventId)))
			.filter(Block::isArticleEvent)
			.map(Block::id)
			.take(expected.size())
			.collectList()
			.block(TIMEOUT);
		assertThat(replayed).as("resumed after %d", lastEventId).containsExactlyElementsOf(expected);
		assertThat(reads(source)).as("reads from the %s", source).isEqualTo(before + 1);
	}

	/**
	 * Publishes {@code count} world headlines and waits until this instance relayed them.
	 */
	private List<Long> publish(int count) {
		Newsroom newsroom = new Newsroom(this.publisher);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(newsroom.publishRetrying(Newsroom.draft("world", "Window headline " + i, "Summary")));
		}
		await().atMost(TIMEOUT).until(() -> this.broadcast.lastId() >= ids.get(ids.size() - 1));
		return ids;
	}

	private double reads(String source) {
		var counter = this.meters.find("herald.stream.history.reads").tag("source", source).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
