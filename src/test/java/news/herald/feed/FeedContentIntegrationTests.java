package news.herald.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.section.Section;
import news.herald.section.SectionCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the feeds promise, read back with the JDK's XML parser and XPath, and with
 * Jackson for JSON Feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedContentIntegrationTests {

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	SectionCatalog sections;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	Article kazakh;

	Article europe;

	@BeforeAll
	void publish() {
		Newsroom newsroom = new Newsroom(this.context);
		this.kazakh = newsroom.publish(Newsroom.draft(Newsroom.unique("content-kz"), "kazakhstan", "Grain exports"));
		this.europe = newsroom.publish(Newsroom.draft(Newsroom.unique("content-eu"), "europe", "Rail strike"));
		// Every section gets at least two articles, so each has a second page at limit=1.
		for (Section section : this.sections.all()) {
			for (int i = 0; i < 2; i++) {
				newsroom.publish(Newsroom.draft(Newsroom.unique("content-" + section.slug()), section.slug(),
						"Filler " + i + " of " + section.title()));
			}
		}
		FeedFetch.await(this.client, "/feeds/rss.xml", (feed) -> feed.text().contains(this.europe.id().toString()));
	}

	@Test
	void rssChannelCarriesTitleLinksTtlGeneratorAndLogo() {
		FeedXml rss = FeedFetch.get(this.client, "/feeds/kazakhstan/rss.xml").xml();
		assertThat(rss.text("/rss/@version")).isEqualTo("2.0");
		assertThat(rss.text("/rss/channel/title")).isEqualTo("Herald — Kazakhstan");
		assertThat(rss.text("/rss/channel/link")).isEqualTo(base() + "/?section=kazakhstan");
		assertThat(rss.text("/rss/channel/description")).isEqualTo("Politics, economy and society in Kazakhstan");
		assertThat(rss.text("/rss/channel/language")).isEqualTo("en");
		assertThat(rss.text("/rss/channel/ttl")).isEqualTo("15");
		assertThat(rss.text("/rss/channel/generator")).isEqualTo("Herald");
		assertThat(rss.text("/rss/channel/image/url")).isEqualTo(base() + "/herald-logo.png");
		assertThat(
				ZonedDateTime.parse(rss.text("/rss/channel/lastBuildDate"), RFC_822.withZone(java.time.ZoneOffset.UTC)))
			.isNotNull();
		assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href"))
			.isEqualTo(base() + "/feeds/kazakhstan/rss.xml");
		assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@type")).isEqualTo("application/rss+xml");
		// Herald is its own WebSub hub unless an external one is configured.
		assertThat(rss.text("/rss/channel/atom:link[@rel='hub']/@href")).isEqualTo(base() + "/websub");
	}

	@Test
	void rssItemCarriesEveryField() {
		FeedXml rss = FeedFetch.get(this.client, "/feeds/kazakhstan/rss.xml").xml();
		String item = "/rss/channel/item[guid='urn:uuid:" + this.kazakh.id() + "']";
		assertThat(rss.count(item)).isEqualTo(1);
		assertThat(rss.text(item + "/guid/@isPermaLink")).isEqualTo("false");
		assertThat(rss.text(item + "/title")).isEqualTo("Grain exports");
		assertThat(rss.text(item + "/link")).isEqualTo(this.kazakh.url());
		assertThat(rss.text(item + "/description")).isEqualTo("Summary of Grain exports");
		String pubDate = rss.text(item + "/pubDate");
		assertThat(pubDate).isEqualTo("Fri, 02 Jan 2026 03:04:05 GMT");
		assertThat(ZonedDateTime.parse(pubDate, RFC_822.withZone(java.time.ZoneOffset.UTC)).toInstant())
			.isEqualTo(this.kazakh.publishedAt());
		assertThat(Instant.parse(rss.text(item + "/atom:updated")))
			.isEqualTo(this.kazakh.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(rss.count("//dc:date")).isZero();
		assertThat(rss.text(item + "/content:encoded")).contains("<p>Body of Grain exports</p>")
			.doesNotContain("script");
		assertThat(rss.texts(item + "/dc:creator")).containsExactly("Aigerim Seitkali", "John Doe");
		assertThat(rss.texts(item + "/category[@domain='" + base() + "/api/sections']")).containsExactly("kazakhstan");
		assertThat(rss.texts(item + "/category[@domain='" + base() + "/tags']")).containsExactly("Economy", "Energy");
		String image = this.kazakh.image().url();
		assertThat(rss.text(item + "/media:content/@url")).isEqualTo(image);
		assertThat(rss.text(item + "/media:content/@medium")).isEqualTo("image");
		assertThat(rss.text(item + "/media:content/media:description")).isEqualTo("Caption of Grain exports");
		assertThat(rss.text(item + "/media:content/media:credit")).isEqualTo("Photo: Herald Staff");
		assertThat(rss.text(item + "/enclosure/@url")).isEqualTo(image);
		assertThat(rss.text(item + "/enclosure/@type")).isEqualTo("image/jpeg");
		assertThat(rss.text(item + "/enclosure/@length")).isEqualTo("0");
		assertThat(rss.text(item + "/source")).isEqualTo("Orda.kz");
		assertThat(rss.text(item + "/source/@url")).isEqualTo("https://orda.kz/");
	}

	@Test
	void atomFeedAndEntryCarryEveryField() {
		FeedXml atom = FeedFetch.get(this.client, "/feeds/kazakhstan/atom.xml").xml();
		assertThat(atom.text("/atom:feed/atom:id")).isEqualTo("urn:herald:feed:section:kazakhstan");
		assertThat(atom.text("/atom:feed/atom:title")).isEqualTo("Herald — Kazakhstan");
		assertThat(atom.text("/atom:feed/atom:subtitle")).isEqualTo("Politics, economy and society in Kazakhstan");
		assertThat(OffsetDateTime.parse(atom.text("/atom:feed/atom:updated"))).isNotNull();
		assertThat(atom.text("/atom:feed/atom:link[@rel='self']/@href"))
			.isEqualTo(base() + "/feeds/kazakhstan/atom.xml");
		assertThat(atom.text("/atom:feed/atom:link[@rel='alternate']/@href"))
			.isEqualTo(base() + "/?section=kazakhstan");
		assertThat(atom.text("/atom:feed/atom:generator")).isEqualTo("Herald");
		assertThat(atom.text("/atom:feed/atom:logo")).isEqualTo(base() + "/herald-logo.png");
		String entry = "/atom:feed/atom:entry[atom:id='urn:uuid:" + this.kazakh.id() + "']";
		assertThat(atom.count(entry)).isEqualTo(1);
		assertThat(atom.text(entry + "/atom:title")).isEqualTo("Grain exports");
		assertThat(atom.text(entry + "/atom:link[@rel='alternate']/@href")).isEqualTo(this.kazakh.url());
		assertThat(atom.text(entry + "/atom:published")).isEqualTo("2026-01-02T03:04:05Z");
		assertThat(OffsetDateTime.parse(atom.text(entry + "/atom:updated")).toInstant())
			.isEqualTo(this.kazakh.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(atom.text(entry + "/atom:summary")).isEqualTo("Summary of Grain exports");
		assertThat(atom.text(entry + "/atom:content/@type")).isEqualTo("html");
		assertThat(atom.text(entry + "/atom:content")).contains("<p>Body of Grain exports</p>")
			.doesNotContain("script");
		assertThat(atom.texts(entry + "/atom:author/atom:name")).containsExactly("Aigerim Seitkali", "John Doe");
		assertThat(atom.texts(entry + "/atom:category[@scheme='" + base() + "/api/sections']/@term"))
			.containsExactly("kazakhstan");
		assertThat(atom.texts(entry + "/atom:category[@scheme='" + base() + "/tags']/@term")).containsExactly("Economy",
				"Energy");
		assertThat(atom.text(entry + "/atom:link[@rel='enclosure']/@href")).isEqualTo(this.kazakh.image().url());
		assertThat(atom.text(entry + "/atom:link[@rel='via']/@href")).isEqualTo("https://orda.kz/");
		assertThat(atom.text(entry + "/media:content/media:description")).isEqualTo("Caption of Grain exports");
		assertThat(atom.text(entry + "/media:content/media:credit")).isEqualTo("Photo: Herald Staff");
	}

	@Test
	void jsonFeedHasTheRequiredFieldsOfVersion11() {
		FeedFetch fetch = FeedFetch.get(this.client, "/feeds/kazakhstan/feed.json");
		assertThat(fetch.headers().getFirst("Content-Type")).isEqualTo("application/feed+json;charset=utf-8");
		JsonNode feed = this.json.readTree(fetch.body());
		assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.path("title").asString()).isEqualTo("Herald — Kazakhstan");
		assertThat(feed.path("home_page_url").asString()).isEqualTo(base() + "/?section=kazakhstan");
		assertThat(feed.path("feed_url").asString()).isEqualTo(base() + "/feeds/kazakhstan/feed.json");
		assertThat(feed.path("items").isArray()).isTrue();
		for (JsonNode item : feed.path("items")) {
			assertThat(item.path("id").isString()).isTrue();
			assertThat(item.has("content_html") || item.has("content_text")).isTrue();
		}
		JsonNode item = null;
		for (JsonNode candidate : feed.path("items")) {
			if (candidate.path("id").asString().equals("urn:uuid:" + this.kazakh.id())) {
				item = candidate;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.path("url").asString()).isEqualTo(this.kazakh.url());
		assertThat(item.path("title").asString()).isEqualTo("Grain exports");
		assertThat(item.path("summary").asString()).isEqualTo("Summary of Grain exports");
		assertThat(item.path("content_html").asString()).contains("<p>Body of Grain exports</p>")
			.doesNotContain("script");
		assertThat(OffsetDateTime.parse(item.path("date_published").asString()).toInstant())
			.isEqualTo(this.kazakh.publishedAt());
		assertThat(OffsetDateTime.parse(item.path("date_modified").asString())).isNotNull();
		assertThat(item.path("authors").findValuesAsString("name")).containsExactly("Aigerim Seitkali", "John Doe");
		assertThat(item.path("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("kazakhstan",
				"Economy", "Energy");
		assertThat(item.path("image").asString()).isEqualTo(this.kazakh.image().url());
		assertThat(item.path("attachments").get(0).path("mime_type").asString()).isEqualTo("image/jpeg");
		assertThat(item.path("_herald").path("image").path("credit").asString()).isEqualTo("Photo: Herald Staff");
		assertThat(item.path("_herald").path("source").path("name").asString()).isEqualTo("Orda.kz");
	}

	@Test
	void parentSectionFeedsIncludeTheirSubsectionsOnly() {
		for (FeedFormat format : FeedFormat.values()) {
			String regional = FeedFetch.get(this.client, "/feeds/regional/" + format.fileName()).text();
			String world = FeedFetch.get(this.client, "/feeds/world/" + format.fileName()).text();
			String outlet = FeedFetch.get(this.client, "/feeds/" + format.fileName()).text();
			assertThat(regional).contains(this.kazakh.id().toString()).doesNotContain(this.europe.id().toString());
			assertThat(world).contains(this.europe.id().toString()).doesNotContain(this.kazakh.id().toString());
			assertThat(outlet).contains(this.kazakh.id().toString()).contains(this.europe.id().toString());
		}
	}

	@Test
	void everyFeedAndItsSecondPageParses() {
		List<String> paths = new ArrayList<>();
		paths.add("/feeds/");
		for (Section section : this.sections.all()) {
			paths.add("/feeds/" + section.slug() + "/");
		}
		Map<FeedFormat, String> nextLink = Map.of(FeedFormat.RSS, "/rss/channel/atom:link[@rel='next']/@href",
				FeedFormat.ATOM, "/atom:feed/atom:link[@rel='next']/@href");
		for (String path : paths) {
			for (FeedFormat format : FeedFormat.values()) {
				FeedFetch first = FeedFetch.get(this.client, path + format.fileName() + "?limit=1");
				assertThat(first.status()).as(path + format.fileName()).isEqualTo(200);
				assertThat(first.headers().getFirst("Content-Type")).isEqualTo(format.contentType());
				String next = (format == FeedFormat.JSON) ? this.json.readTree(first.body()).path("next_url").asString()
						: first.xml().text(nextLink.get(format));
				assertThat(next).as("next page of " + path + format.fileName())
					.startsWith(base() + path + format.fileName() + "?cursor=");
				FeedFetch second = FeedFetch.get(this.client, next.substring(base().length()));
				assertThat(second.status()).isEqualTo(200);
				if (format == FeedFormat.JSON) {
					assertThat(this.json.readTree(second.body()).path("version").asString())
						.isEqualTo(JsonFeed.VERSION);
				}
				else {
					second.xml();
				}
			}
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
