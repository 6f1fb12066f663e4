package news.herald.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles built to break feeds (control characters, script injection, right-to-left
 * text, a two-megabyte body) still produce feeds every parser accepts and no reader
 * executes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedHostileContentIntegrationTests {

	/** Characters XML 1.0 forbids, plus the C1 controls and DEL Herald drops too. */
	private static final String ILLEGAL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]";

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	final Map<String, Article> published = new HashMap<>();

	final Map<String, JsonNode> fixtures = new HashMap<>();

	@BeforeAll
	void publishHostileArticles() {
		Newsroom newsroom = new Newsroom(this.context);
		for (JsonNode fixture : HostileFixtures.read(this.json).path("articles")) {
			String key = fixture.path("key").asString();
			this.fixtures.put(key, fixture);
			this.published.put(key,
					newsroom.publish(HostileFixtures.draft(fixture, Instant.parse("2026-01-03T00:00:00Z"))));
		}
		Article last = this.published.get("huge");
		FeedFetch.await(this.client, "/feeds/middle-east/rss.xml?limit=200",
				(feed) -> feed.text().contains(last.id().toString()));
	}

	@Test
	void everyFormatParsesAndDropsOnlyTheIllegalCharacters() {
		for (String scope : List.of("/feeds/middle-east/", "/feeds/world/", "/feeds/")) {
			FeedXml rss = FeedFetch.get(this.client, scope + "rss.xml?limit=200").xml();
			FeedXml atom = FeedFetch.get(this.client, scope + "atom.xml?limit=200").xml();
			JsonNode feed = this.json.readTree(FeedFetch.get(this.client, scope + "feed.json?limit=200").body());
			for (String key : List.of("control", "xss", "rtl")) {
				String id = "urn:uuid:" + this.published.get(key).id();
				// The publishing rules may have normalised the title; the feed must carry
				// what
				// was stored, less what XML cannot hold.
				String title = this.published.get(key).title().replaceAll(ILLEGAL, "");
				assertThat(rss.text("/rss/channel/item[guid='" + id + "']/title")).as(key).isEqualTo(title);
				assertThat(atom.text("/atom:feed/atom:entry[atom:id='" + id + "']/atom:title")).as(key)
					.isEqualTo(title);
				assertThat(jsonItem(feed, id).path("title").asString()).as(key).isEqualTo(title);
			}
			String control = "/rss/channel/item[guid='urn:uuid:" + this.published.get("control").id() + "']";
			Article stored = this.published.get("control");
			assertThat(rss.text(control + "/description")).isEqualTo(stored.summary().replaceAll(ILLEGAL, ""));
			assertThat(rss.text(control + "/dc:creator")).isEqualTo(stored.authors().get(0).replaceAll(ILLEGAL, ""));
			assertThat(rss.text(control + "/media:content/media:description"))
				.isEqualTo(stored.image().caption().replaceAll(ILLEGAL, ""));
			assertThat(rss.text(control + "/content:encoded")).contains("CDATA end ]]&gt; and");
		}
	}

	@Test
	void scriptsHandlersAndJavascriptUrlsNeverReachAReader() {
		String id = "urn:uuid:" + this.published.get("xss").id();
		FeedXml rss = FeedFetch.get(this.client, "/feeds/middle-east/rss.xml?limit=200").xml();
		FeedXml atom = FeedFetch.get(this.client, "/feeds/middle-east/atom.xml?limit=200").xml();
		JsonNode feed = this.json.readTree(FeedFetch.get(this.client, "/feeds/middle-east/feed.json?limit=200").body());
		List<String> bodies = new ArrayList<>();
		bodies.add(rss.text("/rss/channel/item[guid='" + id + "']/content:encoded"));
		bodies.add(atom.text("/atom:feed/atom:entry[atom:id='" + id + "']/atom:content"));
		bodies.add(jsonItem(feed, id).path("content_html").asString());
		for (String body : bodies) {
			assertThat(body).contains("Hello").contains("href=\"https://example.org/ok\"").contains("nofollow");
			assertThat(body.toLowerCase()).doesNotContain("<script")
				.doesNotContain("javascript:")
				.doesNotContain("onerror")
				.doesNotContain("onclick")
				.doesNotContain("onload")
				.doesNotContain("<iframe")
				.doesNotContain("<style")
				.doesNotContain("<svg");
		}
		// Text fields stay text: the markup is escaped, not interpreted.
		assertThat(rss.text("/rss/channel/item[guid='" + id + "']/dc:creator"))
			.isEqualTo(this.published.get("xss").authors().get(0));
		// A photo or source URL that is not a valid URI is left out rather than breaking
		// the feed.
		assertThat(rss.count("/rss/channel/item[guid='" + id + "']/media:content")).isZero();
		assertThat(rss.count("/rss/channel/item[guid='" + id + "']/source")).isZero();
	}

	@Test
	void rightToLeftTextAndAstralCharactersSurvive() {
		String id = "urn:uuid:" + this.published.get("rtl").id();
		FeedXml atom = FeedFetch.get(this.client, "/feeds/middle-east/atom.xml?limit=200").xml();
		String entry = "/atom:feed/atom:entry[atom:id='" + id + "']";
		assertThat(atom.text(entry + "/atom:summary")).isEqualTo("نص عربي مع أرقام 123 ونص עברית");
		assertThat(atom.text(entry + "/atom:content")).contains("هذا نص عربي طويل")
			.contains("𝔘𝔫𝔦𝔠𝔬𝔡𝔢")
			.contains("🗞️");
		assertThat(atom.text(entry + "/atom:author/atom:name")).isEqualTo("نور الهدى");
	}

	@Test
	void aTwoMegabyteBodyIsCarriedWhole() {
		String id = "urn:uuid:" + this.published.get("huge").id();
		FeedXml rss = FeedFetch.get(this.client, "/feeds/middle-east/rss.xml?limit=200").xml();
		String body = rss.text("/rss/channel/item[guid='" + id + "']/content:encoded");
		assertThat(body.length()).isGreaterThan(2_000_000);
		assertThat(body).startsWith("<p>Paragraph with <em>emphasis</em>");
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
