package news.herald.feed;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The OPML subscription list: every feed, grouped by top-level section. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OpmlIntegrationTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void listsEveryFeedGroupedByTopLevelSection() {
		FeedFetch opml = FeedFetch.get(this.client, "/feeds.opml");
		assertThat(opml.status()).isEqualTo(200);
		assertThat(opml.headers().getFirst("Content-Type")).isEqualTo("text/x-opml;charset=utf-8");
		FeedXml xml = opml.xml();
		String base = "http://localhost:" + this.port;
		assertThat(xml.text("/opml/@version")).isEqualTo("2.0");
		assertThat(xml.text("/opml/head/title")).isEqualTo("Herald feeds");
		assertThat(xml.text("/opml/body/outline[1]/@xmlUrl")).isEqualTo(base + "/feeds/rss.xml");
		assertThat(xml.texts("/opml/body/outline[@text='Regional']/outline/@xmlUrl"))
			.containsExactly(base + "/feeds/regional/rss.xml", base + "/feeds/kazakhstan/rss.xml");
		assertThat(xml.texts("/opml/body/outline[@text='World']/outline/@xmlUrl")).containsExactly(
				base + "/feeds/world/rss.xml", base + "/feeds/russia/rss.xml", base + "/feeds/middle-east/rss.xml",
				base + "/feeds/europe/rss.xml", base + "/feeds/americas/rss.xml");
		assertThat(xml.texts("//outline[@xmlUrl]/@type")).containsOnly("rss");
		assertThat(xml.text("//outline[@xmlUrl='" + base + "/feeds/kazakhstan/rss.xml']/@htmlUrl"))
			.isEqualTo(base + "/?section=kazakhstan");
	}

	@Test
	void revalidatesWithItsEtagAndAnswersHead() {
		FeedFetch opml = FeedFetch.get(this.client, "/feeds.opml");
		FeedFetch again = FeedFetch.get(this.client, "/feeds.opml", (h) -> h.setIfNoneMatch(opml.etag()));
		assertThat(again.status()).isEqualTo(304);
		this.client.head().uri("/feeds.opml").exchange().expectStatus().isOk().expectHeader().exists("ETag");
	}

}
