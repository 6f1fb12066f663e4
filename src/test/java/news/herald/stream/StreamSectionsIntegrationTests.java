package news.herald.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.TestHttp;
import news.herald.article.ArticlePublisher;
import news.herald.stream.SseClient.Block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several sections on one connection: the union of their families with one id sequence,
 * resumed like a single stream, and refused sets answered before the stream opens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"herald.test.context=stream-sections", "herald.publishing.demo-content=false", "herald.stream.max-sections=3" })
class StreamSectionsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	Broadcast broadcast;

	@Autowired
	JsonMapper json;

	@Test
	void carriesTheUnionOfTheSectionsFamiliesInOneIdSequence() {
		Newsroom newsroom = new Newsroom(this.publisher);
		List<Long> expected = new ArrayList<>();
		List<Long> received = new ArrayList<>();
		StepVerifier
			.create(SseClient.blocks(this.port, "/stream?sections=regional,europe")
				.filter((block) -> block.isArticleEvent() || block.text().startsWith("retry:")))
			.assertNext((first) -> assertThat(first.text()).startsWith("retry:"))
			.then(() -> {
				expected.add(newsroom.publish("kazakhstan", "A subsection of regional"));
				newsroom.publish("russia", "Not asked for");
				expected.add(newsroom.publish("europe", "Asked for"));
				newsroom.publish("world", "A parent, not asked for");
				expected.add(newsroom.publish("regional", "Asked for too"));
			})
			.recordWith(ArrayList::new)
			.expectNextCount(3)
			.consumeRecordedWith((blocks) -> received.addAll(blocks.stream().map(Block::id).toList()))
			.thenCancel()
			.verify(TIMEOUT);
		// Compared after the stream: an event may arrive before its publish call returns.
		assertThat(received).containsExactlyElementsOf(expected);
	}

	@Test
	void resumesFromAnIdOfAMultiSectionStreamAndOfASingleSectionStream() {
		Newsroom newsroom = new Newsroom(this.publisher);
		long kazakhstan = newsroom.publish("kazakhstan", "First");
		newsroom.publish("americas", "Elsewhere");
		long europe = newsroom.publish("europe", "Second");
		long regional = newsroom.publish("regional", "Third");
		await().atMost(TIMEOUT).until(() -> this.broadcast.lastId() >= regional);

		// The id a multi-section stream gave out resumes it.
		assertThat(resume("/stream?sections=regional,europe", kazakhstan, 2)).containsExactly(europe, regional);
		// So does an id of a single-section stream, moved onto the multi-section one.
		assertThat(resume("/stream?sections=europe,regional", europe, 1)).containsExactly(regional);
	}

	@Test
	void unknownSectionIs404TooManyAndBadListsAre400() {
		var client = TestHttp.server(this.port);
		client.get()
			.uri("/stream?sections=regional,atlantis")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
		for (String bad : List.of("/stream?sections=regional,europe,world,americas",
				"/stream?sections=regional,,europe", "/stream/world?sections=europe")) {
			byte[] body = client.get()
				.uri(bad)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(this.json.readTree(body).get("parameter").asString()).as(bad).isEqualTo("sections");
		}
	}

	private List<Long> resume(String path, long lastEventId, int count) {
		return SseClient
			.blocks(TestHttp.rawClient(), this.port, path, Map.of("Last-Event-ID", Long.toString(lastEventId)))
			.filter(Block::isArticleEvent)
			.map(Block::id)
			.take(count)
			.collectList()
			.block(TIMEOUT);
	}

}
