package news.herald.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.article.ArticlePublisher;
import news.herald.stream.SseClient.Block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP/2 with prior knowledge (h2c) on the plain port: a hundred live streams share one
 * connection, and feeds are served over it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=stream-http2", "herald.publishing.demo-content=false",
				"herald.stream.max-streams-per-address=200", "server.http2.enabled=true" })
class StreamHttp2IntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	StreamRegistry registry;

	@Test
	void aHundredStreamsShareOneHttp2ConnectionAndEachGetsTheHeadline() {
		Set<Object> connections = ConcurrentHashMap.newKeySet();
		ConnectionProvider one = ConnectionProvider.builder("h2c-test")
			.maxConnections(1)
			.pendingAcquireMaxCount(1000)
			.allocationStrategy(Http2AllocationStrategy.builder().maxConnections(1).maxConcurrentStreams(1000).build())
			.build();
		HttpClient h2c = HttpClient.create(one)
			.protocol(HttpProtocol.H2C)
			.doOnConnected((connection) -> connections
				.add((connection.channel().parent() != null) ? connection.channel().parent() : connection.channel()));
		AtomicInteger protocols = new AtomicInteger();
		int streams = 100;
		int before = this.registry.openStreams();
		try {
			Flux<List<Block>> all = Flux.range(0, streams)
				.flatMap((i) -> h2c.port(this.port)
					.host("127.0.0.1")
					.get()
					.uri("/stream/world")
					.response((response, body) -> {
						if (response.version().text().equals("HTTP/2.0")) {
							protocols.incrementAndGet();
						}
						return body.asString().transform(SseClient::split).filter(Block::isArticleEvent).take(1);
					})
					.collectList(), streams);
			var received = all.collectList().toFuture();
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(this.registry.openStreams() - before).as("open streams")
					.isGreaterThanOrEqualTo(streams));
			new Newsroom(this.publisher).publish("world", "Over HTTP/2");
			List<List<Block>> headlines = received.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
			assertThat(headlines).hasSize(streams)
				.allSatisfy((blocks) -> assertThat(blocks).singleElement()
					.satisfies((block) -> assertThat(block.data()).contains("Over HTTP/2")));
			assertThat(protocols).hasValue(streams);
			assertThat(connections).as("TCP connections").hasSize(1);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			one.dispose();
		}
	}

	@Test
	void feedsAreServedOverHttp2() {
		HttpClient h2c = HttpClient.create(ConnectionProvider.newConnection()).protocol(HttpProtocol.H2C);
		var answer = h2c.port(this.port)
			.host("127.0.0.1")
			.get()
			.uri("/feeds/atom.xml")
			.responseSingle((response, body) -> body.asString()
				.map((text) -> List.of(response.version().text(), String.valueOf(response.status().code()), text)))
			.block(TIMEOUT);
		assertThat(answer.get(0)).isEqualTo("HTTP/2.0");
		assertThat(answer.get(1)).isEqualTo("200");
		assertThat(answer.get(2)).contains("<feed");
	}

	@Test
	void http11StillWorks() {
		var answer = HttpClient.create(ConnectionProvider.newConnection())
			.protocol(HttpProtocol.HTTP11)
			.port(this.port)
			.host("127.0.0.1")
			.get()
			.uri("/feeds/rss.xml")
			.responseSingle((response, body) -> body.asString().map((text) -> response.version().text()))
			.block(TIMEOUT);
		assertThat(answer).isEqualTo("HTTP/1.1");
	}

}
