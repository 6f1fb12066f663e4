package news.herald.ticker;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a feed reader does with the ticker page's address: follow every autodiscovery link
 * and every feed link in the page, and get the feed the link promised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TickerFeedLinksIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void everyAutodiscoveredFeedIsServedWithTheAnnouncedType() {
		Document page = page("/?section=world");
		List<Element> alternates = page.select("head link[rel=alternate]");
		assertThat(alternates).hasSizeGreaterThanOrEqualTo(6);
		for (Element link : alternates) {
			MediaType announced = MediaType.parseMediaType(link.attr("type"));
			this.client.get()
				.uri(link.attr("href"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(announced);
		}
	}

	@Test
	void everyFeedLinkInThePageAndTheOpmlListResolve() {
		Document page = page("/");
		List<String> links = page.select(".feeds a").eachAttr("href");
		assertThat(links).contains("/feeds.opml");
		for (String href : links) {
			this.client.get().uri(href).exchange().expectStatus().isOk();
		}
		String outline = page.selectFirst("head link[rel=outline]").attr("href");
		this.client.get().uri(outline).exchange().expectStatus().isOk();
	}

	private Document page(String uri) {
		return Jsoup.parse(this.client.get()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
