package news.herald.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import news.herald.article.ArticlePublisher;
import news.herald.stream.SseClient.Block;
import news.herald.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class StreamIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** World and its subsections, as the newsroom's desks are organised. */
	private static final Set<String> WORLD_FAMILY = Set.of("world", "russia", "europe", "americas", "middle-east");

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	@Autowired
	StreamRegistry registry;

	@Autowired
	Broadcast broadcast;

	@Test
	void streamStartsWithRetryAndSendsEachEventAsIdEventAndOneLineOfJson() {
		Newsroom newsroom = new Newsroom(this.publisher);
		Flux<Block> stream = SseClient.blocks(this.port, "/stream/kazakhstan");
		StepVerifier.create(stream)
			.assertNext((first) -> assertThat(first.text()).isEqualTo("retry: 5000"))
			.then(() -> newsroom.publish(Newsroom.draft("kazakhstan", "Line one\nline two \"quoted\"",
					"Summary with\r\nbreaks and a </script>")))
			.assertNext((block) -> {
				assertThat(block.lines()).hasSize(3);
				assertThat(block.lines().get(0)).matches("id: \\d+-\\d+");
				assertThat(block.lines().get(1)).isEqualTo("event: published");
				assertThat(block.lines().get(2)).startsWith("data: {");
				JsonNode data = this.json.readTree(block.data());
				assertThat(data.get("title").asString()).isEqualTo("Line one\nline two \"quoted\"");
				assertThat(data.get("summary").asString()).isEqualTo("Summary with\r\nbreaks and a </script>");
				assertThat(data.get("section").asString()).isEqualTo("kazakhstan");
				assertThat(data.get("url").asString()).startsWith("https://news.example/stream-test-");
				assertThat(data.get("id").asString()).hasSize(36);
				assertThat(data.has("publishedAt")).isTrue();
				assertThat(data.has("updatedAt")).isTrue();
			})
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void webTestClientSeesTheEventsOfOneSectionOnly() {
		Newsroom newsroom = new Newsroom(this.publisher);
		FluxExchangeResult<ServerSentEvent<String>> result = this.client.mutate()
			.responseTimeout(TIMEOUT)
			.build()
			.get()
			.uri("/stream/europe")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(new ParameterizedTypeReference<>() {
			});
		Flux<ServerSentEvent<String>> events = result.getResponseBody().filter((event) -> event.event() != null);
		StepVerifier.create(events).then(() -> {
			newsroom.publish("russia", "Not for Europe");
			newsroom.publish("kazakhstan", "Not for Europe either");
			newsroom.publish("europe", "For Europe");
		}).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("published");
			assertThat(event.data()).contains("\"title\":\"For Europe\"");
		}).thenCancel().verify(TIMEOUT);
	}

	@Test
	void parentSectionStreamCarriesItsSubsections() {
		Newsroom newsroom = new Newsroom(this.publisher);
		Flux<String> world = SseClient.blocks(this.port, "/stream/world").map((b) -> "world:" + label(b));
		Flux<String> all = SseClient.blocks(this.port, "/stream").map((b) -> "all:" + label(b));
		List<Long> published = new CopyOnWriteArrayList<>();
		List<String> received = new CopyOnWriteArrayList<>();
		StepVerifier.create(Flux.merge(world, all).filter((seen) -> !seen.endsWith(":keep-alive")))
			// Both streams have started (each sends retry: first), so both are listening.
			.expectNextCount(2)
			.then(() -> {
				published.add(newsroom.publish("russia", "Moscow"));
				published.add(newsroom.publish("regional", "Almaty"));
				published.add(newsroom.publish("middle-east", "Doha"));
				published.add(newsroom.publish("world", "Geneva"));
			})
			.recordWith(() -> received)
			.expectNextCount(7)
			.thenCancel()
			.verify(TIMEOUT);
		// Checked once every publish has returned: the last event may arrive first.
		assertThat(received).containsExactlyInAnyOrder("world:" + published.get(0), "world:" + published.get(2),
				"world:" + published.get(3), "all:" + published.get(0), "all:" + published.get(1),
				"all:" + published.get(2), "all:" + published.get(3));
	}

	private static String label(Block block) {
		return block.text().startsWith(":") ? "keep-alive" : String.valueOf(block.id());
	}

	@Test
	void backfillSendsTheLatestHeadlinesOldestFirstThenGoesLive() {
		Newsroom newsroom = new Newsroom(this.publisher);
		newsroom.publish("americas", "Older");
		long second = newsroom.publish("americas", "Second");
		long third = newsroom.publish("americas", "Third");
		// A backfill is the latest events this instance has relayed (from its window of
		// recent events); the relay takes a moment after the commit.
		await().atMost(TIMEOUT).until(() -> this.broadcast.lastId() >= third);
		StepVerifier.create(SseClient.blocks(this.port, "/stream/americas?backfill=2").filter(Block::isArticleEvent))
			.assertNext((block) -> assertThat(block.id()).isEqualTo(second))
			.assertNext((block) -> assertThat(block.id()).isEqualTo(third))
			.then(() -> newsroom.publish("americas", "Live"))
			.assertNext((block) -> {
				assertThat(block.id()).isGreaterThan(third);
				assertThat(block.data()).contains("\"title\":\"Live\"");
			})
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void resumesAfterLastEventIdWithoutGapOrDuplicateWhilePublishingGoesOn() throws Exception {
		Newsroom newsroom = new Newsroom(this.publisher);
		long start = newsroom.publish("world", "Before the resumes");
		String[] desks = { "russia", "europe", "kazakhstan", "world", "americas", "middle-east" };
		int total = 60;
		List<Long> published = new CopyOnWriteArrayList<>();
		List<Queue<Block>> received = new CopyOnWriteArrayList<>();
		List<String> paths = new CopyOnWriteArrayList<>();
		List<Long> resumedFrom = new CopyOnWriteArrayList<>();
		List<Disposable> clients = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> publishing = executor.submit(() -> {
				for (int i = 0; i < total; i++) {
					published.add(newsroom.publish(desks[i % desks.length], "Concurrent " + i));
				}
			});
			// Resume at different points while events keep coming: some from the header,
			// some from the query parameter, for everything and for one family.
			for (int i = 0; i < 6; i++) {
				await().atMost(TIMEOUT).until(() -> published.size() >= 4);
				long from = published.get(published.size() - 3);
				String path = (i % 2 == 0) ? "/stream" : "/stream/world";
				Queue<Block> blocks = new ConcurrentLinkedQueue<>();
				Map<String, String> headers = (i % 3 == 0) ? Map.of() : Map.of("Last-Event-ID", String.valueOf(from));
				String uri = (i % 3 == 0) ? path + "?lastEventId=" + from : path;
				clients.add(SseClient.blocks(TestHttp.rawClient(), this.port, uri, headers)
					.filter((block) -> block.id() > 0)
					.subscribe(blocks::add));
				received.add(blocks);
				paths.add(path);
				resumedFrom.add(from);
				Thread.sleep(50);
			}
			publishing.get(120, TimeUnit.SECONDS);
			long last = published.get(published.size() - 1);
			for (int i = 0; i < received.size(); i++) {
				Queue<Block> blocks = received.get(i);
				// Expected from what this test published: nothing else publishes
				// meanwhile.
				boolean everySection = paths.get(i).equals("/stream");
				long from = resumedFrom.get(i);
				List<Long> expected = IntStream.range(0, total)
					.filter((j) -> published.get(j) > from)
					.filter((j) -> everySection || WORLD_FAMILY.contains(desks[j % desks.length]))
					.mapToObj(published::get)
					.toList();
				await().atMost(TIMEOUT)
					.until(() -> blocks.stream().anyMatch((b) -> b.id() >= expected.get(expected.size() - 1)));
				List<Long> ids = blocks.stream().map(Block::id).filter((id) -> id <= last).toList();
				assertThat(ids).as("stream %s resumed after %s", paths.get(i), resumedFrom.get(i))
					.containsExactlyElementsOf(expected);
				assertThat(blocks).allMatch(Block::isArticleEvent);
			}
			assertThat(start).isLessThan(last);
		}
		finally {
			clients.forEach(Disposable::dispose);
			executor.shutdownNow();
		}
	}

	@Test
	void unknownLastEventIdGetsReset() {
		StepVerifier.create(SseClient.blocks(this.port, "/stream?lastEventId=999999999").skip(1).take(1))
			.assertNext((block) -> {
				assertThat(block.event()).isEqualTo("reset");
				assertThat(block.data()).contains("unknown-id");
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier
			.create(SseClient.blocks(TestHttp.rawClient(), this.port, "/stream", Map.of("Last-Event-ID", "garbage"))
				.skip(1)
				.take(1))
			.assertNext((block) -> assertThat(block.event()).isEqualTo("reset"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void unknownSectionIs404ProblemBeforeTheStreamOpens() {
		this.client.get()
			.uri("/stream/atlantis")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.section")
			.isEqualTo("atlantis");
	}

	@Test
	void backfillAboveFiftyIs400() {
		this.client.get()
			.uri("/stream?backfill=51")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("backfill");
	}

	@Test
	void streamsAreOpenToEveryOrigin() {
		this.client.options()
			.uri("/stream/world")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "last-event-id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		FluxExchangeResult<DataBuffer> result = this.client.get()
			.uri("/stream")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.returnResult(DataBuffer.class);
		StepVerifier.create(result.getResponseBody()).thenCancel().verify(TIMEOUT);
	}

	@Test
	void headAnswersWithoutOpeningAStream() {
		int open = this.registry.openStreams();
		double gauge = openGauge();
		this.client.head()
			.uri("/stream/world")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody()
			.isEmpty();
		assertThat(this.registry.openStreams()).isEqualTo(open);
		assertThat(openGauge()).isEqualTo(gauge);
	}

	@Test
	void metricsCountStreamsEventsAndResumes() {
		Newsroom newsroom = new Newsroom(this.publisher);
		long id = newsroom.publish("russia", "Counted");
		// Streams of earlier tests would also count this test's events: wait until they
		// are gone, then measure the deltas of this test's one stream.
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 0);
		double open = openGauge();
		double delivered = delivered();
		double replayed = replayed();
		long timed = timed();
		StepVerifier
			.create(SseClient.blocks(this.port, "/stream/russia?lastEventId=" + (id - 1))
				.filter(Block::isArticleEvent)
				.take(2))
			.expectNextCount(1)
			.then(() -> assertThat(openGauge()).isEqualTo(open + 1))
			.then(() -> newsroom.publish("russia", "Live and timed"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		// One replayed and one live event; only the live one has a delivery latency.
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(delivered()).isEqualTo(delivered + 2);
			assertThat(replayed()).isEqualTo(replayed + 1);
			assertThat(timed()).isEqualTo(timed + 1);
			assertThat(openGauge()).isEqualTo(open);
		});
	}

	private double openGauge() {
		return this.meters.get("herald.stream.open").gauge().value();
	}

	private double delivered() {
		return this.meters.get("herald.stream.events.delivered").counter().count();
	}

	private double replayed() {
		Counter counter = this.meters.find("herald.stream.resumes").tag("outcome", "replayed").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long timed() {
		return this.meters.get("herald.stream.delivery.latency").timer().count();
	}

}
