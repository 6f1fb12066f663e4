package news.herald.article;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Newsroom text in every script it uses comes back exactly as it went in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UnicodeRoundTripIntegrationTests {

	static final String RUSSIAN = "Путин встретится с аль-Шараа в Москве — «Новая газета»";

	static final String KAZAKH = "Қазақстан Үкіметі әлеуметтік төлемдерді ұлғайтты: ғылым, өнер, һәм іс";

	static final String ARABIC = "الرئيس السوري أحمد الشرع يلتقي بوتين في موسكو";

	static final String EMOJI = "Breaking 📰🔥 — flags 🇰🇿🇸🇾, family 👨‍👩‍👧, math 𝛑";

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	WebTestClient client;

	@Test
	void cyrillicKazakhArabicAndEmojiRoundTripByteForByte() {
		String title = RUSSIAN + " | " + KAZAKH + " | " + ARABIC + " | " + EMOJI;
		ArticleDraft draft = new ArticleDraft("unicode-" + System.nanoTime(), null, "kazakhstan", title, ARABIC,
				"<p>" + KAZAKH + "</p><p>" + EMOJI + "</p>", "https://news.example/kz/unicode",
				List.of(RUSSIAN, KAZAKH), "kk",
				new Article.Image("https://news.example/i.jpg", ARABIC, EMOJI, "CC BY 4.0"), List.of(KAZAKH, EMOJI),
				new Article.Source(RUSSIAN, "https://novayagazeta.eu/"), Instant.parse("2026-02-01T10:00:00Z"));
		Article created = this.publisher.create(draft).block(Duration.ofSeconds(10)).article();

		byte[] body = this.client.get()
			.uri("/api/articles/{id}", created.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		JsonNode article = JsonMapper.builder().build().readTree(body);

		assertSameBytes(article.get("title").asString(), title);
		assertSameBytes(article.get("summary").asString(), ARABIC);
		assertSameBytes(article.get("bodyHtml").asString(), draft.bodyHtml());
		assertSameBytes(article.get("authors").get(1).asString(), KAZAKH);
		assertSameBytes(article.get("tags").get(1).asString(), EMOJI);
		assertSameBytes(article.get("image").get("credit").asString(), EMOJI);
		assertSameBytes(article.get("source").get("name").asString(), RUSSIAN);
		assertThat(article.get("language").asString()).isEqualTo("kk");
	}

	private static void assertSameBytes(String actual, String expected) {
		assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
	}

}
