package news.herald.article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/** Create, replace and retract over HTTP, with their events and preconditions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PublishingApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ArticleRepository articles;

	@Autowired
	ArticleEventRepository events;

	@Autowired
	Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void createIs201WithLocationEtagAndOnePublishedEvent() {
		Map<String, Object> article = article("europe");
		long before = latestEventId();
		JsonNode created = post(article).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, ".*/api/articles/[0-9a-f-]{36}")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("status").asString()).isEqualTo("published");
		assertThat(created.get("version").asInt()).isEqualTo(1);
		assertThat(created.get("externalId").asString()).isEqualTo(article.get("externalId"));
		assertThat(created.get("slug").asString()).startsWith("headline-test-");
		assertThat(created.get("updatedAt").asString()).isNotEmpty();
		List<ArticleEvent> events = eventsOf(created.get("id").asString(), before);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ArticleEventType.PUBLISHED);
			assertThat(event.section()).isEqualTo("europe");
			assertThat(event.headline().title()).isEqualTo(article.get("title"));
		});
		this.client.get()
			.uri("/api/articles/{id}", created.get("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo(article.get("title"));
	}

	@Test
	void retryWithTheSameContentIs200AndAddsNoEvent() {
		Map<String, Object> article = article("europe");
		long before = latestEventId();
		String id = idOf(post(article).expectStatus().isCreated());
		JsonNode again = post(article).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("id").asString()).isEqualTo(id);
		assertThat(again.get("version").asInt()).isEqualTo(1);
		assertThat(eventsOf(id, before)).hasSize(1);
	}

	@Test
	void concurrentRetriesOfOneArticleCreateItOnce() {
		Map<String, Object> article = article("europe");
		String body = this.json.writeValueAsString(article);
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + this.environment.getProperty("local.server.port"))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.build();
		long before = latestEventId();
		List<Integer> statuses = Flux.range(0, 8)
			.flatMap((n) -> client.post()
				.uri("/api/articles")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).containsOnly(201, 200).filteredOn((status) -> status == 201).hasSize(1);
		Article stored = this.articles.findByExternalId((String) article.get("externalId"))
			.block(Duration.ofSeconds(10));
		assertThat(eventsOf(stored.id().toString(), before)).hasSize(1);
	}

	@Test
	void sameExternalIdWithOtherContentIs409PointingToPut() {
		Map<String, Object> article = article("europe");
		String id = idOf(post(article).expectStatus().isCreated());
		article.put("title", "A different headline");
		post(article).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("PUT /api/articles/" + id))
			.jsonPath("$.articleId")
			.isEqualTo(id);
	}

	@Test
	void replaceBumpsVersionAndEmitsUpdatedWithThePreviousSection() {
		Map<String, Object> article = article("europe");
		String id = idOf(post(article).expectStatus().isCreated());
		long before = latestEventId();
		article.put("section", "russia");
		article.put("title", "Moved to the Russia desk");
		JsonNode updated = put(id, article, "\"1\"").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"2\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.get("version").asInt()).isEqualTo(2);
		assertThat(updated.get("section").asString()).isEqualTo("russia");
		assertThat(Instant.parse(updated.get("updatedAt").asString()))
			.isAfter(Instant.parse(updated.get("publishedAt").asString()));
		assertThat(eventsOf(id, before)).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ArticleEventType.UPDATED);
			assertThat(event.section()).isEqualTo("russia");
			assertThat(event.previousSection()).isEqualTo("europe");
			assertThat(event.headline().version()).isEqualTo(2);
		});
		// The same PUT again (a retry) changes nothing and announces nothing.
		put(id, article, null).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
		assertThat(eventsOf(id, before)).hasSize(1);
		// An edit within the section names no previous section.
		article.put("title", "Edited in place");
		put(id, article, null).expectStatus().isOk();
		assertThat(eventsOf(id, before)).hasSize(2).last().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(ArticleEventType.UPDATED);
			assertThat(event.previousSection()).isNull();
		});
	}

	@Test
	void staleIfMatchIs412AndChangesNothing() {
		Map<String, Object> article = article("europe");
		String id = idOf(post(article).expectStatus().isCreated());
		article.put("title", "First editor's change");
		put(id, article, "\"1\"").expectStatus().isOk();
		long before = latestEventId();
		article.put("title", "Second editor's change, based on version 1");
		put(id, article, "\"1\"").expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"2\"")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(2);
		put(id, article, "W/\"2\"").expectStatus().isEqualTo(412);
		deleteWith(id, "\"1\"").expectStatus().isEqualTo(412);
		assertThat(eventsOf(id, before)).isEmpty();
		this.client.get()
			.uri("/api/articles/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("First editor's change");
		put(id, article, "\"7\", \"2\"").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
	}

	@Test
	void retractAnswers410AndTakesTheArticleOutOfLists() {
		Map<String, Object> article = article("americas");
		String id = idOf(post(article).expectStatus().isCreated());
		assertThat(listedIds("americas")).contains(id);
		long before = latestEventId();
		deleteWith(id, "\"1\"").expectStatus().isNoContent().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
		this.client.get()
			.uri("/api/articles/{id}", id)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(listedIds("americas")).doesNotContain(id);
		assertThat(listedIds(null)).doesNotContain(id);
		assertThat(eventsOf(id, before)).singleElement()
			.satisfies((event) -> assertThat(event.type()).isEqualTo(ArticleEventType.RETRACTED));
		// The row is kept; a retried DELETE is harmless; a retracted article cannot be
		// edited back.
		assertThat(this.articles.findById(UUID.fromString(id)).block(Duration.ofSeconds(10)).status())
			.isEqualTo(ArticleStatus.RETRACTED);
		deleteWith(id, null).expectStatus().isNoContent();
		put(id, article, null).expectStatus().isEqualTo(410);
		assertThat(eventsOf(id, before)).hasSize(1);
	}

	@Test
	void theSameHeadlineTwiceGetsANumberedSlug() {
		Map<String, Object> first = article("europe");
		Map<String, Object> second = article("europe");
		second.put("title", first.get("title"));
		String slug = post(first).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("slug")
			.asString();
		post(second).expectStatus().isCreated().expectBody().jsonPath("$.slug").isEqualTo(slug + "-2");
		Map<String, Object> third = article("europe");
		third.put("slug", slug);
		post(third).expectStatus().isCreated().expectBody().jsonPath("$.slug").isEqualTo(slug + "-3");
	}

	@Test
	void unknownArticleIs404ForWrites() {
		String missing = UUID.randomUUID().toString();
		put(missing, article("europe"), null).expectStatus().isNotFound();
		deleteWith(missing, null).expectStatus().isNotFound();
		deleteWith("not-a-uuid", null).expectStatus().isNotFound();
	}

	@Test
	void anEmbargoedArticleStaysInvisibleAndSilentUntilReleased() {
		Map<String, Object> article = article("europe");
		article.put("publishedAt", Instant.now().plus(Duration.ofDays(30)).toString());
		long before = latestEventId();
		JsonNode created = post(article).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String id = created.get("id").asString();
		assertThat(created.get("status").asString()).isEqualTo("scheduled");
		this.client.get().uri("/api/articles/{id}", id).exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/api/articles/{slug}", created.get("slug").asString())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(listedIds("europe")).doesNotContain(id);
		article.put("title", "Embargoed and edited");
		put(id, article, "\"1\"").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("scheduled");
		// Retracting an embargoed article announces nothing: no feed ever showed it.
		deleteWith(id, null).expectStatus().isNoContent();
		assertThat(eventsOf(id, before)).isEmpty();
		this.client.get().uri("/api/articles/{id}", id).exchange().expectStatus().isEqualTo(410);
	}

	@Test
	void anAlreadyPublishedArticleCannotBePutBackUnderEmbargo() {
		Map<String, Object> article = article("europe");
		String id = idOf(post(article).expectStatus().isCreated());
		article.put("publishedAt", Instant.now().plus(Duration.ofDays(1)).toString());
		put(id, article, null).expectStatus().isEqualTo(409);
	}

	@Test
	void anEmbargoedArticleEditedToThePastIsPublishedAtOnce() {
		Map<String, Object> article = article("europe");
		article.put("publishedAt", Instant.now().plus(Duration.ofDays(30)).toString());
		long before = latestEventId();
		String id = idOf(post(article).expectStatus().isCreated());
		article.put("publishedAt", "2026-01-01T00:00:00Z");
		put(id, article, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published");
		assertThat(eventsOf(id, before)).singleElement()
			.satisfies((event) -> assertThat(event.type()).isEqualTo(ArticleEventType.PUBLISHED));
		assertThat(listedIds("europe")).contains(id);
	}

	@Test
	void omittedPublishedAtMeansNowAndARetryStillMatches() {
		Map<String, Object> article = article("europe");
		article.remove("publishedAt");
		// Herald keeps microseconds, so "now" is no earlier than the truncated start.
		Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
		JsonNode created = post(article).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		Instant end = Instant.now();
		Instant publishedAt = Instant.parse(created.get("publishedAt").asString());
		assertThat(publishedAt).isBetween(start, end);
		// The retry carries no publishedAt either; it matches the stored article and
		// does not move its time to a new now.
		JsonNode retried = post(article).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(retried.get("id").asString()).isEqualTo(created.get("id").asString());
		assertThat(Instant.parse(retried.get("publishedAt").asString())).isEqualTo(publishedAt);
		assertThat(retried.get("version").asLong()).isEqualTo(created.get("version").asLong());
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> article) {
		return this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange();
	}

	private WebTestClient.ResponseSpec put(String id, Map<String, Object> article, String ifMatch) {
		WebTestClient.RequestBodySpec request = this.client.put()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.bodyValue(this.json.writeValueAsString(article)).exchange();
	}

	private WebTestClient.ResponseSpec deleteWith(String id, String ifMatch) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.delete()
			.uri("/api/articles/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY);
		if (ifMatch != null) {
			request = request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.exchange();
	}

	private String idOf(WebTestClient.ResponseSpec response) {
		return response.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	private List<String> listedIds(String section) {
		String uri = (section != null) ? "/api/articles?limit=200&section=" + section : "/api/articles?limit=200";
		// Bodies of up to 1 MiB make a page of 200 larger than the default client buffer.
		JsonNode page = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024))
			.build()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return page.get("articles").valueStream().map((a) -> a.get("id").asString()).toList();
	}

	private long latestEventId() {
		return this.events.latestId().block(Duration.ofSeconds(10));
	}

	private List<ArticleEvent> eventsOf(String articleId, long after) {
		return this.events.findAfter(after, null, 10_000)
			.filter((event) -> event.headline().id().toString().equals(articleId))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

}
