package news.herald.database;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.PublishingFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault tests do to the embedded PostgreSQL (kill it, freeze it, thaw it) and
 * the requests they make while it is away. Signals go to the postmaster named in its
 * {@code postmaster.pid}, as an operator would send them.
 */
final class DatabaseFaults {

	private DatabaseFaults() {
	}

	static ProcessHandle postmaster(EmbeddedDatabase database) {
		long pid = database.postmasterPid().orElseThrow(() -> new AssertionError("no postmaster.pid"));
		return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
	}

	/** {@code kill -9} of the postmaster: what the OOM killer does. */
	static long kill(EmbeddedDatabase database) {
		ProcessHandle postmaster = postmaster(database);
		assertThat(postmaster.destroyForcibly()).as("SIGKILL sent").isTrue();
		return postmaster.pid();
	}

	/**
	 * {@code kill -STOP} of the postmaster and every server process under it: a database
	 * that keeps its connections open and answers nothing.
	 * @return the processes stopped, to thaw
	 */
	static List<Long> freeze(EmbeddedDatabase database) {
		ProcessHandle postmaster = postmaster(database);
		List<Long> pids = new ArrayList<>();
		pids.add(postmaster.pid());
		postmaster.descendants().forEach((process) -> pids.add(process.pid()));
		signal("-STOP", pids);
		return pids;
	}

	static void thaw(List<Long> pids) {
		signal("-CONT", pids);
	}

	private static void signal(String signal, List<Long> pids) {
		List<String> command = new ArrayList<>(List.of("kill", signal));
		pids.forEach((pid) -> command.add(Long.toString(pid)));
		try {
			Process kill = new ProcessBuilder(command).inheritIO().start();
			assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill finished").isTrue();
			// A process that exited meanwhile makes kill fail for it alone.
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static WebTestClient patient(WebTestClient client) {
		return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	/** Publishes a world article and returns its id. */
	static String publish(WebTestClient client) {
		EntityExchangeResult<byte[]> created = create(client, PublishingFixtures.article("world"));
		assertThat(created.getStatus().value()).as("create").isEqualTo(201);
		return json(created).get("id").asString();
	}

	static EntityExchangeResult<byte[]> create(WebTestClient client, Map<String, Object> article) {
		return patient(client).post()
			.uri("/api/articles")
			.headers((headers) -> headers.setBearerAuth(PublishingFixtures.EDITOR_KEY))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectBody()
			.returnResult();
	}

	static EntityExchangeResult<byte[]> retract(WebTestClient client, String id) {
		return patient(client).delete()
			.uri("/api/articles/{id}", id)
			.headers((headers) -> headers.setBearerAuth(PublishingFixtures.EDITOR_KEY))
			.exchange()
			.expectBody()
			.returnResult();
	}

	static EntityExchangeResult<byte[]> get(WebTestClient client, String path) {
		return patient(client).get().uri(path).exchange().expectBody().returnResult();
	}

	static JsonNode json(EntityExchangeResult<byte[]> result) {
		return JsonMapper.shared().readTree(result.getResponseBodyContent());
	}

	/** A 503 problem that says when to come back, as every database outage must be. */
	static void assertUnavailable(EntityExchangeResult<byte[]> result, String retryAfter) {
		String what = result.getMethod() + " " + result.getUrl().getPath();
		assertThat(result.getStatus().value()).as(what).isEqualTo(503);
		assertThat(result.getResponseHeaders().getContentType()).as(what)
			.hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as(what).isEqualTo(retryAfter);
		JsonNode problem = json(result);
		assertThat(problem.get("status").asInt()).as(what).isEqualTo(503);
		assertThat(problem.get("title").asString()).as(what).isNotBlank();
		assertThat(problem.get("detail").asString()).as(what).contains("Retry-After");
	}

}
