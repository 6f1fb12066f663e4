package news.herald.safety;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
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
 * The one character rule through the real publishing API: every character it refuses (the
 * C0 controls but tab, LF and CR; DEL and the C1 controls U+007F–U+009F; U+FFFE, U+FFFF;
 * lone surrogates) is refused in a title and dropped from a summary, a body and a
 * caption, and what the feeds carry parses with the JDK's strict XML parser and holds
 * none of them, while tab, LF and CR are kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class XmlCharactersIntegrationTests {

	private static final String SECTION = "americas";

	@Autowired
	WebTestClient client;

	// Escaped, so every character reaches the server as the JSON escape a CMS might
	// send, lone surrogates included.
	private final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	/** Every UTF-16 unit the rule refuses, each as a string of its own. */
	static List<String> refused() {
		List<String> refused = new ArrayList<>();
		for (char c = 0; c < 0x20; c++) {
			if (c != '\t' && c != '\n' && c != '\r') {
				refused.add(String.valueOf(c));
			}
		}
		for (char c = 0x7F; c <= 0x9F; c++) {
			refused.add(String.valueOf(c));
		}
		refused.addAll(List.of("\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"));
		return refused;
	}

	@Test
	void aTitleWithAnyRefusedCharacterIs400NamingIt() {
		for (String c : refused()) {
			Map<String, Object> article = article(SECTION);
			article.put("title", "Before" + c + "after");
			String code = String.format("U+%04X", (int) c.charAt(0));
			post(article).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("title")
				.jsonPath("$.errors[0].message")
				.value((String message) -> assertThat(message).as(code).contains(code));
		}
	}

	@Test
	void refusedCharactersAreDroppedFromSummaryBodyAndCaptionAndNeverReachAFeed() {
		// "x" between them, so no two lone surrogates pair up.
		String dirty = "x" + String.join("x", refused()) + "x";
		String clean = "x".repeat(refused().size() + 1);
		// Character references decode to the same characters while the body is parsed;
		// &#x85; and &#x9F; are not among them: HTML reads them as the windows-1252
		// "…" and "Ÿ", as browsers do.
		String references = "&#1;&#x1F;&#127;&#xFFFE;&#xD800;";
		Map<String, Object> article = article(SECTION);
		article.put("title", "Refused characters " + article.get("externalId"));
		article.put("summary", "Summary " + dirty);
		article.put("bodyHtml", "<p>Body " + dirty + references + "</p><p>&#x85;&#x9F;</p>");
		article.put("image", Map.of("url", "https://news.example/refused.jpg", "caption", "Caption " + dirty));
		String body = "<p>Body " + clean + "</p><p>…Ÿ</p>";
		JsonNode stored = created(article);
		assertThat(stored.path("summary").asString()).isEqualTo("Summary " + clean);
		assertThat(stored.path("bodyHtml").asString()).isEqualTo(body);
		assertThat(stored.path("image").path("caption").asString()).isEqualTo("Caption " + clean);
		assertThat(read(stored)).isEqualTo(stored);

		String id = "urn:uuid:" + stored.path("id").asString();
		Document rss = feed("rss.xml", id);
		String item = "/rss/channel/item[guid='" + id + "']";
		assertThat(text(rss, item + "/description")).isEqualTo("Summary " + clean);
		assertThat(text(rss, item + "/*[name()='content:encoded']")).isEqualTo(body);
		assertThat(text(rss, item + "/*[name()='media:content']/*[name()='media:description']"))
			.isEqualTo("Caption " + clean);
		Document atom = feed("atom.xml", id);
		String entry = "/feed/entry[id='" + id + "']";
		assertThat(text(atom, entry + "/summary")).isEqualTo("Summary " + clean);
		assertThat(text(atom, entry + "/content")).isEqualTo(body);
		JsonNode feed = this.json.readTree(fetch("/feeds/" + SECTION + "/feed.json?limit=200"));
		JsonNode jsonItem = jsonItem(feed, id);
		assertThat(jsonItem.path("summary").asString()).isEqualTo("Summary " + clean);
		assertThat(jsonItem.path("content_html").asString()).isEqualTo(body);
		assertThat(jsonItem.path("attachments").path(0).path("title").asString()).isEqualTo("Caption " + clean);
	}

	@Test
	void tabLineFeedAndCarriageReturnAreKeptInEveryField() {
		String kept = "tab\tline\nreturn\rend";
		Map<String, Object> article = article(SECTION);
		article.put("title", "Kept " + kept + " " + article.get("externalId"));
		article.put("summary", "Summary " + kept);
		article.put("bodyHtml", "<p>Body " + kept + "</p>");
		article.put("image", Map.of("url", "https://news.example/kept.jpg", "caption", "Caption " + kept));
		JsonNode stored = created(article);
		assertThat(stored.path("title").asString()).isEqualTo(article.get("title"));
		assertThat(stored.path("summary").asString()).isEqualTo("Summary " + kept);
		assertThat(stored.path("bodyHtml").asString()).isEqualTo("<p>Body " + kept + "</p>");
		assertThat(stored.path("image").path("caption").asString()).isEqualTo("Caption " + kept);

		String id = "urn:uuid:" + stored.path("id").asString();
		Document rss = feed("rss.xml", id);
		String item = "/rss/channel/item[guid='" + id + "']";
		assertThat(text(rss, item + "/title")).isEqualTo(article.get("title"));
		assertThat(text(rss, item + "/description")).isEqualTo("Summary " + kept);
		// A CDATA section cannot escape CR, and XML parsers turn a literal CR into LF.
		assertThat(text(rss, item + "/*[name()='content:encoded']"))
			.isEqualTo("<p>Body " + kept.replace('\r', '\n') + "</p>");
		assertThat(text(rss, item + "/*[name()='media:content']/*[name()='media:description']"))
			.isEqualTo("Caption " + kept);
		Document atom = feed("atom.xml", id);
		String entry = "/feed/entry[id='" + id + "']";
		assertThat(text(atom, entry + "/title")).isEqualTo(article.get("title"));
		assertThat(text(atom, entry + "/summary")).isEqualTo("Summary " + kept);
		assertThat(text(atom, entry + "/content")).isEqualTo("<p>Body " + kept + "</p>");
	}

	private JsonNode created(Map<String, Object> article) {
		return post(article).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private JsonNode read(JsonNode created) {
		return this.client.get()
			.uri("/api/articles/{id}", created.path("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> article) {
		return this.client.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.exchange();
	}

	/** The section's feed once it carries the item, parsed by the JDK's XML parser. */
	private Document feed(String format, String id) {
		AtomicReference<byte[]> last = new AtomicReference<>();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> new String(
					last.updateAndGet((old) -> fetch("/feeds/" + SECTION + "/" + format + "?limit=200")),
					java.nio.charset.StandardCharsets.UTF_8)
				.contains(id));
		return parse(last.get());
	}

	private byte[] fetch(String uri) {
		return this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new AssertionError("Feed is not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	private static String text(Document document, String expression) {
		try {
			return (String) XPathFactory.newInstance().newXPath().evaluate(expression, document, XPathConstants.STRING);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

	private static JsonNode jsonItem(JsonNode feed, String id) {
		for (JsonNode item : feed.path("items")) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("No item " + id + " in the JSON feed");
	}

}
