package news.herald.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.WORLD_DESK_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may write what: the auth matrix, CORS, and where security runs at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PublishingSecurityIntegrationTests {

	@Autowired
	WebTestClient client;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesWithoutAKeyAre401ProblemsWithABearerChallenge() {
		String id = create(article("europe"), EDITOR_KEY);
		expect401(this.client.post().uri("/api/articles"), false);
		expect401(this.client.put().uri("/api/articles/{id}", id), false);
		expect401(this.client.delete().uri("/api/articles/{id}", id), false);
	}

	@Test
	void writesWithAWrongKeyAre401() {
		String id = create(article("europe"), EDITOR_KEY);
		expect401(this.client.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer wrong"), true);
		expect401(
				this.client.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY + "x"),
				true);
		expect401(this.client.delete()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + WORLD_DESK_KEY.toUpperCase()), true);
		expect401(this.client.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Basic " + EDITOR_KEY),
				true);
		expect401(this.client.post().uri("/api/articles").header(HttpHeaders.AUTHORIZATION, "Bearer "), true);
	}

	@Test
	void aSectionKeyWritesInItsSectionAndSubsectionsOnly() {
		create(article("world"), WORLD_DESK_KEY);
		create(article("russia"), WORLD_DESK_KEY);
		post(article("kazakhstan"), WORLD_DESK_KEY).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.section")
			.isEqualTo("kazakhstan")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("world"));
	}

	@Test
	void aSectionKeyCannotTouchOrMoveArticlesOfOtherSections() {
		Map<String, Object> regional = article("kazakhstan");
		String regionalId = create(regional, EDITOR_KEY);
		// Moving someone else's article into its own section is still touching it.
		regional.put("section", "world");
		put(regionalId, regional, WORLD_DESK_KEY).expectStatus().isForbidden();
		delete(regionalId, WORLD_DESK_KEY).expectStatus().isForbidden();
		// Moving its own article out of its sections is refused too.
		Map<String, Object> own = article("europe");
		String ownId = create(own, WORLD_DESK_KEY);
		own.put("section", "kazakhstan");
		put(ownId, own, WORLD_DESK_KEY).expectStatus().isForbidden();
		own.put("section", "americas");
		own.put("title", "Moved within the world desk");
		put(ownId, own, WORLD_DESK_KEY).expectStatus().isOk();
		delete(ownId, WORLD_DESK_KEY).expectStatus().isNoContent();
		// The editor key may do anything.
		delete(regionalId, EDITOR_KEY).expectStatus().isNoContent();
	}

	@Test
	void readsArePublicAndIgnoreAStaleKey() {
		this.client.get().uri("/api/articles?limit=1").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/sections")
			.header(HttpHeaders.AUTHORIZATION, "Bearer stale")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anyOriginMayReadButNoneMayWriteByDefault() {
		this.client.get()
			.uri("/api/sections")
			.header(HttpHeaders.ORIGIN, "https://reader.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		this.client.options()
			.uri("/api/articles")
			.header(HttpHeaders.ORIGIN, "https://reader.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		this.client.options()
			.uri("/api/articles")
			.header(HttpHeaders.ORIGIN, "https://cms.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.ORIGIN, "https://cms.example")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article("europe")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void securityFiltersRunOnlyUnderApi() {
		// Security's header writer marks every response it handled; outside /api there is
		// none, so feeds, streams and pages pay nothing for it.
		this.client.get()
			.uri("/api/sections")
			.exchange()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
		this.client.method(HttpMethod.POST)
			.uri("/not-api/anything")
			.exchange()
			.expectHeader()
			.doesNotExist("X-Content-Type-Options")
			.expectHeader()
			.doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
	}

	private void expect401(WebTestClient.RequestBodySpec request, boolean invalidKey) {
		JsonNode problem = request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article("europe")))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> {
				assertThat(challenge).startsWith("Bearer");
				if (invalidKey) {
					assertThat(challenge).contains("error=\"invalid_token\"");
				}
			})
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	private void expect401(WebTestClient.RequestHeadersSpec<?> request, boolean invalidKey) {
		request.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	private String create(Map<String, Object> article, String key) {
		return post(article, key).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> article, String key) {
		return this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange();
	}

	private WebTestClient.ResponseSpec put(String id, Map<String, Object> article, String key) {
		return this.client.put()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange();
	}

	private WebTestClient.ResponseSpec delete(String id, String key) {
		return this.client.delete()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.exchange();
	}

}
