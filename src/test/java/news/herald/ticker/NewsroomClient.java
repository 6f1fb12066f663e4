package news.herald.ticker;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom's CMS as the browser tests see it: writes through the publishing HTTP API
 * with a publisher key, like any client would.
 */
final class NewsroomClient {

	private final WebTestClient client;

	private final String key;

	NewsroomClient(WebTestClient client, String key) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		this.key = key;
	}

	/** An article as the publishing API takes it; tests change what they need. */
	static Map<String, Object> article(String section, String title) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("externalId", "browser-" + UUID.randomUUID());
		article.put("section", section);
		article.put("title", title);
		article.put("summary", "What the browser test published: " + title);
		article.put("bodyHtml", "<p>Published by the browser test.</p>");
		article.put("url", "https://news.example/browser/" + UUID.randomUUID());
		article.put("authors", List.of("Test Desk"));
		article.put("language", "en");
		article.put("publishedAt", Instant.now().minusSeconds(5).toString());
		return article;
	}

	/** Publishes and returns the stored article (with its id and version). */
	@SuppressWarnings("unchecked")
	Map<String, Object> publish(Map<String, Object> article) {
		Map<String, Object> stored = this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(stored).containsKey("id");
		return stored;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> replace(Map<String, Object> stored, Map<String, Object> article) {
		return this.client.put()
			.uri("/api/articles/{id}", stored.get("id"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.header(HttpHeaders.IF_MATCH, "\"" + stored.get("version") + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	void retract(Map<String, Object> stored) {
		this.client.delete()
			.uri("/api/articles/{id}", stored.get("id"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.key)
			.header(HttpHeaders.IF_MATCH, "\"" + stored.get("version") + "\"")
			.exchange()
			.expectStatus()
			.isNoContent();
	}

}
