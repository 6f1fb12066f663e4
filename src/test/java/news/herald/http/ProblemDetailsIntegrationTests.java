package news.herald.http;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.WORLD_DESK_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Herald refuses a request, whoever writes the answer (security before any
 * controller, the feed and stream fast paths, a controller's exception), reads the same:
 * an RFC 9457 problem with type, title, status and detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=problem-details", "herald.stream.max-streams-per-address=1" })
@AutoConfigureWebTestClient
class ProblemDetailsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void securityRefusalsAreProblems() {
		EntityExchangeResult<byte[]> missingKey = write(this.client.post().uri("/api/articles"), article("europe"),
				null);
		JsonNode problem = problem(missingKey, 401, "Publisher key required");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/articles");
		assertThat(missingKey.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer realm=\"herald\"");
		EntityExchangeResult<byte[]> wrongKey = write(this.client.post().uri("/api/articles"), article("europe"),
				"wrong");
		problem(wrongKey, 401, "Publisher key required");
		assertThat(wrongKey.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer realm=\"herald\", error=\"invalid_token\"");
		JsonNode forbidden = problem(
				write(this.client.post().uri("/api/articles"), article("kazakhstan"), WORLD_DESK_KEY), 403,
				"Section not allowed for this key");
		assertThat(forbidden.get("section").asString()).isEqualTo("kazakhstan");
	}

	@Test
	void feedRefusalsAreProblems() {
		JsonNode section = problem(get("/feeds/sport/rss.xml"), 404, "Section not found");
		assertThat(section.get("instance").asString()).isEqualTo("/feeds/sport/rss.xml");
		problem(get("/feeds/world/rss.json"), 404, "Feed not found");
		JsonNode limit = problem(get("/feeds/rss.xml?limit=0"), 400, "Invalid parameter 'limit'");
		assertThat(limit.get("parameter").asString()).isEqualTo("limit");
	}

	@Test
	void streamRefusalsAreProblemsThoughTheClientAskedForEvents() {
		JsonNode section = problem(get("/stream/atlantis"), 404, "Section not found");
		assertThat(section.get("section").asString()).isEqualTo("atlantis");
		problem(get("/stream?backfill=51"), 400, "Invalid parameter 'backfill'");
		// A repeated parameter is left to the controller, which refuses the same way.
		problem(get("/stream?backfill=1&backfill=2"), 400, "Invalid parameter 'backfill'");
		FluxExchangeResult<DataBuffer> open = this.client.get()
			.uri("/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(DataBuffer.class);
		try {
			EntityExchangeResult<byte[]> second = get("/stream/world");
			problem(second, 429, "Too many streams from one address");
			assertThat(second.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		}
		finally {
			StepVerifier.create(open.getResponseBody()).thenCancel().verify(TIMEOUT);
		}
	}

	@Test
	void apiRefusalsAreProblems() {
		Map<String, Object> article = article("europe");
		String id = this.json
			.readTree(write(this.client.post().uri("/api/articles"), article, EDITOR_KEY).getResponseBodyContent())
			.get("id")
			.asString();
		article.put("title", "Another headline for the same external id");
		JsonNode conflict = problem(write(this.client.post().uri("/api/articles"), article, EDITOR_KEY), 409,
				"Article already exists");
		assertThat(conflict.get("articleId").asString()).isEqualTo(id);
		EntityExchangeResult<byte[]> stale = write(
				this.client.put().uri("/api/articles/{id}", id).header(HttpHeaders.IF_MATCH, "\"7\""), article,
				EDITOR_KEY);
		problem(stale, 412, "Article changed since it was read");
		assertThat(stale.getResponseHeaders().getETag()).isEqualTo("\"1\"");
		this.client.delete()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isNoContent();
		problem(get("/api/articles/" + id), 410, "Article retracted");
	}

	/** Checks the response is a problem of this status and title, and returns it. */
	private JsonNode problem(EntityExchangeResult<byte[]> result, int status, String title) {
		assertThat(result.getStatus().value()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		JsonNode problem = this.json.readTree(result.getResponseBodyContent());
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

	private EntityExchangeResult<byte[]> get(String uri) {
		MediaType accept = uri.startsWith("/stream") ? MediaType.TEXT_EVENT_STREAM : MediaType.ALL;
		return this.client.get().uri(uri).accept(accept).exchange().expectBody().returnResult();
	}

	private EntityExchangeResult<byte[]> write(WebTestClient.RequestBodySpec request, Map<String, Object> article,
			String key) {
		if (key != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		return request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange()
			.expectBody()
			.returnResult();
	}

}
