package news.herald.stream;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.ArticlePublisher;
import news.herald.stream.SseClient.Block;
import news.herald.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.stream.max-streams=7", "herald.stream.max-streams-per-address=3",
				"herald.stream.buffer=8", "herald.stream.heartbeat=300ms", "herald.http.trusted-proxies=127.0.0.1",
				"herald.publishing.demo-content=false" })
@AutoConfigureWebTestClient
class StreamLimitsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	MeterRegistry meters;

	@Autowired
	StreamRegistry registry;

	private final List<Disposable> open = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		this.open.forEach(Disposable::dispose);
		this.open.clear();
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 0);
	}

	@Test
	void perAddressLimitRefusesWith429AndRetryAfter() {
		HttpClient untrusted = TestHttp.rawClient().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
		for (int i = 0; i < 3; i++) {
			// An untrusted peer cannot spread its streams over invented addresses.
			openStream(untrusted, Map.of("X-Forwarded-For", "198.51.100." + i));
		}
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 3);
		assertRefused(untrusted, Map.of("X-Forwarded-For", "198.51.100.99"), "Too many streams from one address");
		// Through a trusted proxy each forwarded client has its own allowance.
		openStream(TestHttp.rawClient(), Map.of("X-Forwarded-For", "203.0.113.7"));
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 4);
		// A closed stream gives its place back.
		this.open.remove(0).dispose();
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 3);
		openStream(untrusted, Map.of());
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 4);
	}

	@Test
	void instanceLimitRefusesWith429() {
		for (int i = 0; i < 7; i++) {
			openStream(TestHttp.rawClient(), Map.of("X-Forwarded-For", "203.0.113." + (i % 3) + ", 127.0.0.1"));
		}
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 7);
		double refusedBefore = refusedForMaxStreams();
		assertRefused(TestHttp.rawClient(), Map.of("X-Forwarded-For", "203.0.113.50"), "Too many streams");
		// Refused once, counted once: the stream is opened (and refused) in one place.
		assertThat(refusedForMaxStreams()).isEqualTo(refusedBefore + 1);
		this.client.get()
			.uri("/stream")
			.header("X-Forwarded-For", "203.0.113.51")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5");
	}

	@Test
	void clientThatStopsReadingIsDisconnectedWithoutDelayingAnother() {
		Newsroom newsroom = new Newsroom(this.publisher);
		double before = this.meters.get("herald.stream.slow.consumer.disconnects").counter().count();
		Queue<Block> healthy = new ConcurrentLinkedQueue<>();
		this.open.add(SseClient.blocks(this.port, "/stream").filter(Block::isArticleEvent).subscribe(healthy::add));
		// Reads the first chunk, then nothing: its socket buffers fill up.
		HttpClient stalled = TestHttp.rawClient().option(ChannelOption.SO_RCVBUF, 4096);
		StalledReader reader = new StalledReader();
		stalled.port(this.port).host("127.0.0.1").get().uri("/stream").responseContent().subscribe(reader);
		this.open.add(reader);
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 2);
		List<Long> published = new ArrayList<>();
		String bulk = "x".repeat(4 * 1024);
		for (int i = 0; i < 2000
				&& this.meters.get("herald.stream.slow.consumer.disconnects").counter().count() == before; i++) {
			// Retrying (idempotent by externalId): under this much allocation Netty 4.2's
			// adaptive allocator can trip BlockHound inside the database driver.
			published.add(newsroom.publishRetrying(Newsroom.draft("world", "Bulk " + i, bulk)));
		}
		assertThat(this.meters.get("herald.stream.slow.consumer.disconnects").counter().count()).isEqualTo(before + 1);
		await().atMost(TIMEOUT).until(() -> this.registry.openStreams() == 1);
		long last = published.get(published.size() - 1);
		await().atMost(TIMEOUT).until(() -> healthy.stream().anyMatch((b) -> b.id() == last));
		assertThat(healthy).extracting(Block::id).containsExactlyElementsOf(published);
	}

	@Test
	void idleStreamsGetKeepAliveComments() {
		StepVerifier.create(SseClient.blocks(this.port, "/stream").filter((b) -> b.text().startsWith(":")).take(2))
			.expectNextMatches((b) -> b.text().equals(": keep-alive"))
			.expectNextMatches((b) -> b.text().equals(": keep-alive"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private double refusedForMaxStreams() {
		var counter = this.meters.find("herald.stream.rejected").tag("reason", "max-streams").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void openStream(HttpClient client, Map<String, String> headers) {
		this.open.add(SseClient.blocks(client, this.port, "/stream", headers).subscribe());
	}

	private void assertRefused(HttpClient client, Map<String, String> headers, String title) {
		StepVerifier.create(client.port(this.port)
			.host("127.0.0.1")
			.headers((h) -> headers.forEach(h::set))
			.get()
			.uri("/stream")
			.responseSingle((response, body) -> body.asString().map((text) -> {
				assertThat(response.status().code()).isEqualTo(429);
				assertThat(response.responseHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
				return text;
			})))
			.assertNext((text) -> assertThat(text).contains("\"title\":\"" + title + "\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	/** Takes the first chunk and never asks for more. */
	static final class StalledReader extends BaseSubscriber<Object> {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(1);
		}

		@Override
		protected void hookOnNext(Object value) {
		}

	}

}
