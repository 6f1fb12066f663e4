package news.herald.http;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests in one write, the second with {@code Connection: close} (RFC 9112 §9.3.2
 * and §9.6: both must be answered, in order, then the connection closed). Herald answers
 * both when the first answer is ready at once (a cached feed, the section list, the OPML
 * list); when the first answer waits for the database, Reactor Netty applies the second
 * request's {@code close} to the first response and drops the second request. The bare
 * Reactor Netty server here shows that the fault is upstream (docs/RELIABILITY.md holds
 * the report); the first response is whole either way, never cut or mixed up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=http-hardening")
class PipeliningIntegrationTests {

	private static final String KEEP = "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n";

	private static final String CLOSE = "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/sections", "/feeds.opml", "/no-such-page" })
	void bothPipelinedRequestsAreAnsweredWhenTheFirstAnswerIsReadyAtOnce(String path) throws Exception {
		List<RawHttp.Response> responses = RawHttp.exchange(this.port, KEEP.formatted(path) + CLOSE.formatted(path));
		assertThat(responses).hasSize(2);
		assertThat(responses.get(0).body()).isEqualTo(responses.get(1).body());
	}

	@Test
	void aCachedFeedAnswersBothToo() throws Exception {
		// The first request renders and caches; the pipelined pair is then served from
		// memory.
		assertThat(RawHttp.send(this.port, "GET", "/feeds/europe/atom.xml").status()).isEqualTo(200);
		List<RawHttp.Response> responses = RawHttp.exchange(this.port,
				KEEP.formatted("/feeds/europe/atom.xml") + CLOSE.formatted("/feeds/europe/atom.xml"));
		assertThat(responses).extracting(RawHttp.Response::status).containsExactly(200, 200);
	}

	@Test
	void aFirstAnswerThatWaitsForTheDatabaseIsWholeButTheSecondIsLost() throws Exception {
		for (int i = 0; i < 10; i++) {
			String target = "/api/articles?limit=" + (i + 1);
			List<RawHttp.Response> responses = RawHttp.exchange(this.port,
					KEEP.formatted(target) + CLOSE.formatted(target));
			assertThat(responses).isNotEmpty();
			RawHttp.Response first = responses.get(0);
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.hasSize(Integer.parseInt(first.header("content-length")));
			// Reactor Netty's fault, pinned: when this fails, upstream has fixed it; drop
			// the note in docs/RELIABILITY.md and the README, and expect two answers.
			assertThat(responses).hasSize(1);
			assertThat(first.header("connection")).isEqualTo("close");
		}
	}

	@Test
	void aBareReactorNettyServerLosesTheSecondRequestTheSameWay() throws Exception {
		DisposableServer immediate = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.sendString(Mono.just(request.uri())))
			.bindNow();
		DisposableServer delayed = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response
				.sendString(Mono.just(request.uri()).delayElement(Duration.ofMillis(100))))
			.bindNow();
		try {
			String pair = KEEP.formatted("/first") + CLOSE.formatted("/second");
			assertThat(RawHttp.exchange(immediate.port(), pair)).extracting(RawHttp.Response::body)
				.containsExactly("/first", "/second");
			List<RawHttp.Response> responses = RawHttp.exchange(delayed.port(), pair);
			assertThat(responses).extracting(RawHttp.Response::body).containsExactly("/first");
			assertThat(responses.get(0).header("connection")).isEqualTo("close");
		}
		finally {
			immediate.disposeNow();
			delayed.disposeNow();
		}
	}

}
