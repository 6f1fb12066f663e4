package news.herald.ticker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;
import news.herald.section.Section;
import news.herald.section.SectionCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker page and widget as HTTP resources, parsed with jsoup. What they do in a
 * browser is {@link TickerBrowserIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TickerPageIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	SectionCatalog sections;

	@Test
	void pageShowsTheNewestHeadlineFirstWithItsSectionTimeAndThumbnail() {
		Article article = publish("europe", "Ticker page " + UUID.randomUUID(), "https://news.example/eu/1",
				new Article.Image("https://news.example/eu/1.jpg", "Caption", "Credit", "CC BY 4.0"));
		Document page = page("/");
		Element first = page.selectFirst("ol#headlines > li.headline");
		assertThat(first.attr("data-id")).isEqualTo(article.id().toString());
		assertThat(first.attr("data-seq")).isEqualTo(String.valueOf(article.seq()));
		assertThat(first.selectFirst(".headline-title a").text()).isEqualTo(article.title());
		assertThat(first.selectFirst(".headline-title a").attr("href")).isEqualTo("https://news.example/eu/1");
		assertThat(first.selectFirst(".headline-section").text()).isEqualTo("Europe");
		assertThat(first.selectFirst("time").attr("datetime")).isEqualTo(article.publishedAt().toString());
		assertThat(first.selectFirst("img.headline-thumb").attr("src")).isEqualTo("https://news.example/eu/1.jpg");
		assertThat(first.selectFirst("img.headline-thumb").attr("alt")).isEmpty();
		assertThat(page.selectFirst("#headlines").attr("aria-live")).isEqualTo("polite");
	}

	@Test
	void headlineMarkupIsShownAsTextAndNeverBecomesHtml() {
		String title = "<img src=x onerror=alert(1)> & \"quotes\" 'too' " + UUID.randomUUID();
		publish("world", title, "https://news.example/xss", null);
		String body = html("/");
		assertThat(body).doesNotContain("<img src=x");
		Document page = Jsoup.parse(body);
		assertThat(page.select("#headlines .headline-title").eachText()).contains(title);
		assertThat(page.select("#headlines img:not(.headline-thumb)")).isEmpty();
		assertThat(page.select("[onerror]")).isEmpty();
	}

	@Test
	void onlyHttpLinksAndHttpsThumbnailsAreRendered() {
		String title = "Not a link " + UUID.randomUUID();
		publish("world", title, "javascript:alert(1)",
				new Article.Image("http://news.example/plain.jpg", null, null, null));
		Element item = page("/").select("#headlines li")
			.stream()
			.filter((li) -> li.selectFirst(".headline-title").text().equals(title))
			.findFirst()
			.orElseThrow();
		assertThat(item.select("a")).isEmpty();
		assertThat(item.select("img")).isEmpty();
	}

	@Test
	void sectionPageListsItsFamilyAndStreamsIt() {
		publish("russia", "In the world family " + UUID.randomUUID(), "https://news.example/ru", null);
		publish("kazakhstan", "Not in the world family " + UUID.randomUUID(), "https://news.example/kz", null);
		Document page = page("/?section=world");
		Element list = page.selectFirst("#headlines");
		assertThat(list.attr("data-stream")).isEqualTo("/stream/world");
		assertThat(list.attr("data-sections").split(" "))
			.containsExactlyInAnyOrderElementsOf(this.sections.family("world"));
		assertThat(list.select("li").eachAttr("data-section")).isNotEmpty()
			.allSatisfy((section) -> assertThat(this.sections.family("world")).contains(section));
		assertThat(page.title()).startsWith("World");
		assertThat(page.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/?section=world");
		assertThat(page.selectFirst("pre.snippet").text()).contains("/ticker.js\" data-section=\"world\"");
	}

	@Test
	void pageResumesTheStreamFromTheEventItWasRenderedAt() {
		Article article = publish("americas", "Resume point " + UUID.randomUUID(), "https://news.example/am", null);
		long lastEventId = Long.parseLong(page("/").selectFirst("#headlines").attr("data-last-event-id"));
		// Nothing else publishes meanwhile: the page was rendered at this article's
		// event.
		assertThat(lastEventId).isEqualTo(article.seq());
	}

	@Test
	void headAutodiscoversTheChosenSectionFirstThenTheOutletAndEverySection() {
		Document page = page("/?section=middle-east");
		List<String> alternates = page.select("head link[rel=alternate]").eachAttr("href");
		assertThat(alternates.subList(0, 6)).containsExactly("/feeds/middle-east/rss.xml",
				"/feeds/middle-east/atom.xml", "/feeds/middle-east/feed.json", "/feeds/rss.xml", "/feeds/atom.xml",
				"/feeds/feed.json");
		for (Section section : this.sections.all()) {
			assertThat(alternates).contains("/feeds/" + section.slug() + "/rss.xml",
					"/feeds/" + section.slug() + "/atom.xml", "/feeds/" + section.slug() + "/feed.json");
		}
		assertThat(page.select("head link[rel=alternate][href$=rss.xml]").eachAttr("type"))
			.containsOnly("application/rss+xml");
		assertThat(page.select("head link[rel=alternate][href$=atom.xml]").eachAttr("type"))
			.containsOnly("application/atom+xml");
		assertThat(page.select("head link[rel=alternate][href$=feed.json]").eachAttr("type"))
			.containsOnly("application/feed+json");
		assertThat(page.selectFirst("head link[type=text/x-opml]").attr("href")).isEqualTo("/feeds.opml");
	}

	@Test
	void bodyLinksEverySectionsFeedsAndTheOpmlList() {
		Document page = page("/");
		List<String> links = page.select(".feeds a").eachAttr("href");
		assertThat(links).contains("/feeds.opml", "/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json");
		for (Section section : this.sections.all()) {
			assertThat(links).contains("/feeds/" + section.slug() + "/rss.xml",
					"/feeds/" + section.slug() + "/atom.xml", "/feeds/" + section.slug() + "/feed.json");
			assertThat(page.select("nav.sections a").eachAttr("href")).contains("/?section=" + section.slug());
		}
	}

	@Test
	void unknownSectionIs404WithAWayBack() {
		String body = this.client.get()
			.uri("/?section=atlantis")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Document page = Jsoup.parse(body);
		assertThat(page.selectFirst("h1").text()).contains("atlantis");
		assertThat(page.select("a").eachAttr("href")).contains("/", "/?section=world");
	}

	@Test
	void pageIsHtmlThatIsAlwaysRevalidatedAndLoadsOnlyItsOwnScripts() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noCache())
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*script-src 'self'.*connect-src 'self'.*");
	}

	@Test
	void pageAssetsAreServed() {
		this.client.get()
			.uri("/ticker-page.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript");
		this.client.get()
			.uri("/ticker-page.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/css");
	}

	@Test
	void widgetIsJavaScriptForAnyOriginCachedAndRevalidatedByItsHash() {
		var result = this.client.get()
			.uri("/ticker.js")
			.header(HttpHeaders.ORIGIN, "https://partner.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/javascript;charset=UTF-8")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, "max-age=\\d+, public.*")
			.expectBody(byte[].class)
			.returnResult();
		String etag = result.getResponseHeaders().getETag();
		assertThat(etag).isNotBlank();
		assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).contains("attachShadow")
			.contains("textContent")
			.doesNotContain("innerHTML");
		this.client.get()
			.uri("/ticker.js")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
	}

	private Article publish(String section, String title, String url, Article.Image image) {
		ArticleDraft draft = new ArticleDraft("ticker-" + UUID.randomUUID(), null, section, title,
				"Summary of " + title, "<p>Body</p>", url, List.of("Desk"), "en", image, List.of(), null,
				Instant.now().minusSeconds(60));
		return this.publisher.create(draft).block(Duration.ofSeconds(30)).article();
	}

	private Document page(String uri) {
		return Jsoup.parse(html(uri));
	}

	private String html(String uri) {
		return this.client.get()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
