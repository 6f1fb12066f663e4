package news.herald.http;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link Error} while a request is handled, thrown (which Reactor rethrows past every
 * handler) or signalled, still gets an answer on the connection: a 503 problem with
 * {@code Retry-After}, and the server goes on serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=fatal-errors")
@Import(FatalErrorIntegrationTests.Faulty.class)
class FatalErrorIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/test-faults/thrown", "/test-faults/signalled", "/test-faults/recursion",
			"/test-faults/out-of-memory" })
	void anErrorIsA503ProblemNotADroppedConnection(String path) throws Exception {
		assertUnavailable(RawHttp.send(this.port, "GET", path), path);
		assertThat(RawHttp.send(this.port, "GET", "/feeds/rss.xml").status()).isEqualTo(200);
	}

	@Test
	void anErrorWhileTheBodyIsReadIsA503ProblemToo() throws Exception {
		String body = "{\"a\":1}";
		List<RawHttp.Response> responses = RawHttp.exchange(this.port,
				"POST /test-faults/body HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
		assertThat(responses).hasSize(1);
		assertUnavailable(responses.get(0), "body");
	}

	private static void assertUnavailable(RawHttp.Response response, String what) {
		assertThat(response).as(what + ": a response, not a closed connection").isNotNull();
		assertThat(response.status()).as(what).isEqualTo(503);
		assertThat(response.header("retry-after")).as(what).isEqualTo("5");
		assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains("Retry");
	}

	/** Endpoints that fail the way a pathological input could make Herald's own fail. */
	@RestController
	static class Faulty {

		@GetMapping("/test-faults/thrown")
		Mono<String> thrown() {
			return Mono.just("x").map((x) -> {
				throw new StackOverflowError("thrown inside an operator");
			});
		}

		@GetMapping("/test-faults/signalled")
		Mono<String> signalled() {
			return Mono.error(new StackOverflowError("signalled"));
		}

		@GetMapping("/test-faults/recursion")
		Mono<String> recursion() {
			return Mono.just(1).map(Faulty::deeper).map(String::valueOf);
		}

		@GetMapping("/test-faults/out-of-memory")
		Mono<String> outOfMemory() {
			return Mono.just("x").map((x) -> {
				throw new OutOfMemoryError("pretended");
			});
		}

		@PostMapping("/test-faults/body")
		Mono<String> body(@RequestBody Mono<String> body) {
			return body.map((x) -> {
				throw new StackOverflowError("thrown while the body is read");
			});
		}

		private static int deeper(int depth) {
			return deeper(depth + 1) + 1;
		}

	}

}
