package news.herald.article;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that looked acceptable but was not: numbers and booleans where text belongs,
 * headlines of nothing visible, and lines that bidirectional controls make read
 * differently from what they say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LooseInputIntegrationTests {

	@Autowired
	WebTestClient client;

	private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	@Test
	void numbersAndBooleansAreNotText() {
		for (Object wrong : List.of(123, 1.5, true)) {
			Map<String, Object> article = article("europe");
			article.put("title", wrong);
			JsonNode problem = problem(post(article));
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("title");
		}
		Map<String, Object> article = article("europe");
		article.put("tags", List.of("ok", 7));
		assertThat(problem(post(article)).at("/errors/0/field").asString()).isEqualTo("tags[1]");
	}

	@Test
	void aTitleOfOnlyInvisibleCharactersIsRefused() {
		for (String invisible : List.of("\u200B\u200C\u200D", "\u2060\uFEFF", "\u00AD", "\u0301\u0308", "\u3164")) {
			Map<String, Object> article = article("europe");
			article.put("title", invisible);
			JsonNode problem = problem(post(article));
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("title");
			assertThat(problem.at("/errors/0/message").asString()).contains("invisible");
		}
		Map<String, Object> article = article("europe");
		article.put("title", "Zero\u200Bwidth inside a real headline");
		post(article).expectStatus().isCreated();
	}

	@Test
	void bidirectionalControlsAreRefusedInOneLineFieldsNamingTheCharacter() {
		Map<String, Object> article = article("europe");
		article.put("title", "Invoice \u202Egpj.exe");
		article.put("authors", List.of("A. \u2066Writer\u2069"));
		article.put("tags", List.of("\u202Atag"));
		JsonNode problem = problem(post(article));
		assertThat(problem.at("/errors").findValuesAsString("field")).containsExactly("title", "authors[0]", "tags[0]");
		assertThat(problem.at("/errors/0/message").asString()).contains("U+202E");
		assertThat(problem.at("/errors/1/message").asString()).contains("U+2066");
	}

	@Test
	void markupInOneLineFieldsIsRefusedNamingIt() {
		Map<String, Object> article = article("europe");
		// What makes the W3C validator say "should not contain HTML" (ContainsHTML): an
		// HTML
		// end tag or character reference in a text element; start tags too, as markup.
		article.put("title", "</title><script>alert('title')</script> & <b>bold</b>");
		article.put("authors", List.of("AT&amp;T Newsdesk"));
		article.put("tags", List.of("<b>tag"));
		JsonNode problem = problem(post(article));
		assertThat(problem.at("/errors").findValuesAsString("field")).containsExactly("title", "authors[0]", "tags[0]");
		assertThat(problem.at("/errors/0/message").asString()).contains("HTML tag </title>").contains("position 0");
		assertThat(problem.at("/errors/1/message").asString()).contains("&amp;").contains("send & itself");
		assertThat(problem.at("/errors/2/message").asString()).contains("HTML tag <b>");
	}

	@Test
	void textThatOnlyLooksLikeMarkupIsPlainText() {
		Map<String, Object> article = article("europe");
		article.put("title", "AT&T, S&P 500 and Q&A: x<y, 3 > 2, <3 and C<T> " + java.util.UUID.randomUUID());
		article.put("authors", List.of("Johnson & Johnson desk"));
		JsonNode created = this.json
			.readTree(post(article).expectStatus().isCreated().expectBody().returnResult().getResponseBody());
		assertThat(created.get("title").asString()).startsWith("AT&T, S&P 500 and Q&A: x<y, 3 > 2, <3 and C<T> ");
	}

	@Test
	void aBodyNestedTwentyThousandDeepIsRefused() {
		Map<String, Object> article = article("europe");
		article.put("bodyHtml", "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000));
		JsonNode problem = problem(post(article));
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("bodyHtml");
		article.put("bodyHtml", "<blockquote>".repeat(50) + "<p>quoted</p>" + "</blockquote>".repeat(50));
		post(article).expectStatus().isCreated();
	}

	private JsonNode problem(WebTestClient.ResponseSpec response) {
		byte[] body = response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> article) {
		return this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange();
	}

}
