package news.herald.article;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.event.ArticleEventRepository;
import news.herald.safety.BodyHtmlSanitizerTests;
import news.herald.safety.XmlCharacters;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API refuses, and what it cleans, as a CMS sees it: problem+json with every bad
 * field, and stored articles that are safe for any feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PublishingValidationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ArticleRepository articles;

	@Autowired
	ArticleEventRepository events;

	// Escaped, so lone surrogates reach the server as the JSON escapes a CMS might send.
	private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	@Test
	void everyBadFieldIsListedInOneProblem() {
		Map<String, Object> article = article("atlantis");
		article.put("title", "");
		article.put("summary", "x".repeat(1001));
		article.put("url", "ftp://news.example/a");
		article.put("tags", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
				"16", "17", "18", "19", "20", "21"));
		article.put("image", Map.of("url", "http://news.example/photo.jpg"));
		article.put("publishedAt", "yesterday");
		JsonNode problem = post(article).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("section", "title", "summary", "url", "tags", "image.url", "publishedAt");
		assertThat(problem.get("errors").valueStream().map((e) -> e.get("message").asString()))
			.allSatisfy((message) -> assertThat(message).isNotBlank());
		assertThat(problem.get("detail").asString()).contains("7 problems");
	}

	@Test
	void bodyOverOneMebibyteIs413() {
		Map<String, Object> article = article("europe");
		article.put("bodyHtml", "<p>" + "x".repeat(1024 * 1024) + "</p>");
		post(article).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.maxBytes")
			.isEqualTo(1024 * 1024);
	}

	@Test
	void aChunkedBodyIsCutOffOnceItPassesOneMebibyte() {
		// No Content-Length: the limit applies while reading.
		Flux<String> chunks = Flux.concat(Flux.just("{\"title\": \"Chunked\", \"bodyHtml\": \""),
				Flux.range(0, 1100).map((n) -> "x".repeat(1024)), Flux.just("\"}"));
		this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aBodyJustUnderTheLimitIsAccepted() {
		Map<String, Object> article = article("europe");
		article.put("bodyHtml", "<p>" + "x".repeat(1000 * 1000) + "</p>");
		// The response carries the body back: more than the client buffers by default.
		JsonNode created = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("bodyHtml").asString()).hasSize(1000 * 1000 + 7);
		// Retracted again so that lists in the shared test context stay small.
		this.client.delete()
			.uri("/api/articles/{id}", created.get("id").asString())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void malformedJsonIs400NamingThePosition() {
		String body = "{\n  \"title\": \"Fine\",\n  \"section\": europe\n}";
		postRaw(body, MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.line")
			.isEqualTo(3)
			.jsonPath("$.column")
			.isEqualTo(14)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Malformed JSON at line 3, column"));
	}

	@Test
	void unknownOrMistypedFieldsAre400NamingThem() {
		Map<String, Object> article = article("europe");
		article.put("headline", "Typo for title");
		post(article).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("headline")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("Unknown field 'headline'"));
		article = article("europe");
		article.put("tags", "not-a-list");
		post(article).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
		postRaw("[1, 2]", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
		postRaw("", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
		postRaw("{\"title\": \"a\", \"title\": \"b\"}", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();
	}

	@Test
	void readOnlyFieldsOfTheReadApiAreIgnoredSoAReadCanBeSentBack() {
		Map<String, Object> article = article("europe");
		article.put("id", UUID.randomUUID().toString());
		article.put("status", "retracted");
		article.put("version", 99);
		article.put("updatedAt", "2020-01-01T00:00:00Z");
		post(article).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("published")
			.jsonPath("$.version")
			.isEqualTo(1);
	}

	@Test
	void wrongContentTypeIs415() {
		postRaw(this.json.writeValueAsString(article("europe")), MediaType.TEXT_PLAIN).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		postRaw("<article/>", MediaType.APPLICATION_XML).expectStatus().isEqualTo(415);
	}

	@Test
	void xmlIllegalCharactersAreRefusedInTitlesAndNeverStored() {
		long articlesBefore = this.articles.count().block(Duration.ofSeconds(10));
		long eventsBefore = this.events.latestId().block(Duration.ofSeconds(10));
		Map<String, Object> article = article("europe");
		article.put("title", "Bell\u0007 in the headline");
		post(article).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title")
			.jsonPath("$.errors[0].message")
			.value((String message) -> assertThat(message).contains("U+0007"));
		article.put("title", "Lone surrogate \uD800 here");
		post(article).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
		article.put("title", "Noncharacter \uFFFE here");
		post(article).expectStatus().isBadRequest();
		// No row with the refused article's externalId, no other row, no event.
		StepVerifier.create(this.articles.findByExternalId((String) article.get("externalId"))).verifyComplete();
		StepVerifier.create(this.articles.count()).expectNext(articlesBefore).verifyComplete();
		StepVerifier.create(this.events.latestId()).expectNext(eventsBefore).verifyComplete();
	}

	@Test
	void xmlIllegalCharactersAreStrippedFromBodiesAndSummaries() {
		Map<String, Object> article = article("europe");
		article.put("summary", "Null\u0000 byte, escape\u001B and \uFFFF gone; tab\tstays");
		article.put("bodyHtml",
				"<p>Form\u000Cfeed, vertical\u000Btab, lone \uDC00 low, entity &#1; and &#xFFFE; gone 🇰🇿</p>");
		article.put("image", Map.of("url", "https://news.example/p.jpg", "caption", "Caption\u0008 here"));
		JsonNode created = post(article).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		Article stored = this.articles.findById(UUID.fromString(created.get("id").asString()))
			.block(Duration.ofSeconds(10));
		assertThat(stored.summary()).isEqualTo("Null byte, escape and  gone; tab\tstays");
		assertThat(stored.bodyHtml()).isEqualTo("<p>Formfeed, verticaltab, lone  low, entity  and  gone 🇰🇿</p>");
		assertThat(stored.image().caption()).isEqualTo("Caption here");
		for (String text : List.of(stored.title(), stored.summary(), stored.bodyHtml(), stored.image().caption())) {
			assertThat(XmlCharacters.firstIllegal(text)).as(text).isEqualTo(-1);
		}
	}

	@Test
	void xssPayloadsAreStoredInert() {
		Map<String, Object> article = article("europe");
		article.put("bodyHtml", """
				<p onclick="steal()">Hello <script>alert(1)</script><b onmouseover=alert(2)>bold</b></p>
				<img src=x onerror=alert(3)><img src="https://news.example/ok.jpg" onload="alert(4)">
				<a href="javascript:alert(5)">js</a><a href="JaVaScRiPt&colon;alert(6)">js2</a>
				<a href=" java\tscript:alert(7)">js3</a><a href="data:text/html,<script>alert(8)</script>">data</a>
				<svg onload=alert(9)><script>alert(10)</script><a xlink:href="javascript:alert(11)">s</a></svg>
				<iframe src="https://evil.example"></iframe><style>p{color:red}</style>
				<p style="background:url(javascript:alert(12))">styled</p><math><mi>x</mi></math>
				<form action="https://evil.example"><input name=q></form><object data="x"></object>
				""");
		JsonNode created = post(article).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String stored = this.articles.findById(UUID.fromString(created.get("id").asString()))
			.block(Duration.ofSeconds(10))
			.bodyHtml();
		assertThat(created.get("bodyHtml").asString()).isEqualTo(stored);
		BodyHtmlSanitizerTests.assertInert(stored);
		Document body = Jsoup.parseBodyFragment(stored);
		assertThat(body.select("b").text()).isEqualTo("bold");
		// src=x is a relative link, resolved against the article's URL like any other.
		assertThat(body.select("img").eachAttr("src")).containsExactly("https://news.example/europe/x",
				"https://news.example/ok.jpg");
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> article) {
		return postRaw(this.json.writeValueAsString(article), MediaType.APPLICATION_JSON);
	}

	private WebTestClient.ResponseSpec postRaw(String body, MediaType type) {
		return this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(type)
			.bodyValue(body)
			.exchange();
	}

}
