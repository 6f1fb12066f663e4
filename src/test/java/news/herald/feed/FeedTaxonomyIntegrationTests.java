package news.herald.feed;

import java.util.List;

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
import news.herald.article.ArticleDraft;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tag, author and language feeds and the filters that combine on every feed: what they
 * hold, what they say, how their validators follow a re-tag, and what they refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTaxonomyIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	Newsroom newsroom;

	String run;

	Article kazakh;

	Article russian;

	@BeforeAll
	void publish() {
		this.newsroom = new Newsroom(this.context);
		this.run = Newsroom.unique("t").substring(2);
		this.kazakh = this.newsroom.publish(draft("kk-" + this.run, "kazakhstan", "Бюджет қабылданды", "kk",
				List.of("Бюджет " + this.run, "Parliament " + this.run), List.of("Әйгерім Сәдуақасова")));
		this.russian = this.newsroom.publish(draft("ru-" + this.run, "russia", "Бюджет принят", "ru",
				List.of("Byudzhet " + this.run), List.of("Иван Петров " + this.run)));
		FeedFetch.await(this.client, "/feeds/rss.xml?lang=ru",
				(feed) -> feed.status() == 200 && feed.text().contains(FeedPage.itemId(this.russian)));
	}

	static ArticleDraft draft(String externalId, String section, String title, String language, List<String> tags,
			List<String> authors) {
		ArticleDraft base = Newsroom.draft(externalId, section, title);
		return new ArticleDraft(base.externalId(), null, section, title, base.summary(), base.bodyHtml(), base.url(),
				authors, language, base.image(), tags, base.source(), base.publishedAt());
	}

	String budget() {
		// "Бюджет <run>" and "Byudzhet <run>" share the slug: both are found.
		return "/feeds/tags/byudzhet-" + this.run + "/";
	}

	@Test
	void tagFeedInEveryFormatHoldsEveryArticleWithTheTagsSpellings() {
		assertThat(FeedFetch.get(this.client, "/api/tags").text()).contains("\"slug\":\"byudzhet-" + this.run + "\"");
		FeedXml rss = FeedFetch.get(this.client, budget() + "rss.xml").xml();
		assertThat(rss.texts("/rss/channel/item/guid")).contains(FeedPage.itemId(this.kazakh),
				FeedPage.itemId(this.russian));
		assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href")).endsWith(budget() + "rss.xml");
		FeedXml atom = FeedFetch.get(this.client, budget() + "atom.xml").xml();
		assertThat(atom.texts("/atom:feed/atom:entry/atom:id")).contains(FeedPage.itemId(this.kazakh),
				FeedPage.itemId(this.russian));
		assertThat(atom.text("/atom:feed/atom:id")).isEqualTo("urn:herald:feed:tag:byudzhet-" + this.run);
		JsonNode feed = this.json.readTree(FeedFetch.get(this.client, budget() + "feed.json").body());
		assertThat(feed.path("items").findValuesAsString("id")).contains(FeedPage.itemId(this.kazakh),
				FeedPage.itemId(this.russian));
		FeedXml other = FeedFetch.get(this.client, "/feeds/tags/parliament-" + this.run + "/rss.xml").xml();
		assertThat(other.texts("/rss/channel/item/guid")).containsExactly(FeedPage.itemId(this.kazakh));
	}

	@Test
	void authorFeedsHaveStableLatinSlugs() {
		String authors = FeedFetch.get(this.client, "/api/authors").text();
		assertThat(authors).contains("\"slug\":\"aigerim-saduaqasova\"").contains("\"slug\":\"ivan-petrov-" + this.run);
		for (FeedFormat format : FeedFormat.values()) {
			FeedFetch feed = FeedFetch.get(this.client,
					"/feeds/authors/ivan-petrov-" + this.run + "/" + format.fileName());
			assertThat(feed.status()).as(format.name()).isEqualTo(200);
			assertThat(feed.text()).contains(FeedPage.itemId(this.russian))
				.doesNotContain(FeedPage.itemId(this.kazakh));
		}
	}

	@Test
	void filtersCombineOnSectionTagAndAuthorFeeds() {
		FeedXml regional = FeedFetch.get(this.client, "/feeds/regional/rss.xml?tag=byudzhet-" + this.run).xml();
		assertThat(regional.texts("/rss/channel/item/guid")).containsExactly(FeedPage.itemId(this.kazakh));
		FeedXml russianBudget = FeedFetch.get(this.client, budget() + "atom.xml?lang=ru").xml();
		assertThat(russianBudget.texts("/atom:feed/atom:entry/atom:id")).containsExactly(FeedPage.itemId(this.russian));
		assertThat(russianBudget.text("/atom:feed/@xml:lang")).isEqualTo("ru");
		FeedXml none = FeedFetch
			.get(this.client, "/feeds/authors/ivan-petrov-" + this.run + "/rss.xml?tag=parliament-" + this.run)
			.xml();
		assertThat(none.count("/rss/channel/item")).isZero();
		JsonNode api = this.json
			.readTree(FeedFetch.get(this.client, "/api/articles?tag=byudzhet-" + this.run + "&lang=kk").body());
		assertThat(api.path("articles").findValuesAsString("id")).containsExactly(this.kazakh.id().toString());
	}

	@Test
	void everyFeedSaysItsLanguageAndEachArticleWhereItDiffers() {
		FeedXml rss = FeedFetch.get(this.client, "/feeds/rss.xml?lang=kk").xml();
		assertThat(rss.text("/rss/channel/language")).isEqualTo("kk");
		assertThat(rss.count("/rss/channel/item/dc:language")).isZero();
		FeedXml mixed = FeedFetch.get(this.client, budget() + "rss.xml").xml();
		assertThat(mixed.text("/rss/channel/language")).isEqualTo("en");
		assertThat(mixed.text("/rss/channel/item[guid='" + FeedPage.itemId(this.kazakh) + "']/dc:language"))
			.isEqualTo("kk");
		FeedXml atom = FeedFetch.get(this.client, budget() + "atom.xml").xml();
		assertThat(atom.text("/atom:feed/@xml:lang")).isEqualTo("en");
		assertThat(atom.text("/atom:feed/atom:entry[atom:id='" + FeedPage.itemId(this.russian) + "']/@xml:lang"))
			.isEqualTo("ru");
		JsonNode feed = this.json.readTree(FeedFetch.get(this.client, "/feeds/feed.json?lang=ru").body());
		assertThat(feed.path("language").asString()).isEqualTo("ru");
		assertThat(feed.path("items").get(0).has("language")).isFalse();
	}

	@Test
	void reTaggedArticleLeavesTheOldTagFeedAndEntersTheNewOneAndBothEtagsChange() {
		Article moving = this.newsroom.publish(
				draft("move-" + this.run, "europe", "Moving story", "en", List.of("old-" + this.run), List.of("Desk")));
		String oldFeed = "/feeds/tags/old-" + this.run + "/rss.xml";
		FeedFetch before = FeedFetch.await(this.client, oldFeed,
				(feed) -> feed.status() == 200 && feed.text().contains(FeedPage.itemId(moving)));
		FeedFetch combined = FeedFetch.get(this.client, "/feeds/europe/atom.xml?tag=old-" + this.run + "&lang=en");
		assertThat(combined.text()).contains(FeedPage.itemId(moving));
		this.newsroom.update(moving,
				draft("move-" + this.run, "europe", "Moving story", "en", List.of("new-" + this.run), List.of("Desk")));
		String newFeed = "/feeds/tags/new-" + this.run + "/rss.xml";
		FeedFetch entered = FeedFetch.await(this.client, newFeed,
				(feed) -> feed.status() == 200 && feed.text().contains(FeedPage.itemId(moving)));
		FeedFetch left = FeedFetch.get(this.client, oldFeed, (h) -> h.setIfNoneMatch(before.etag()));
		assertThat(left.status()).isEqualTo(200);
		assertThat(left.etag()).isNotEqualTo(before.etag());
		assertThat(left.text()).doesNotContain(FeedPage.itemId(moving));
		FeedFetch combinedAfter = FeedFetch.get(this.client, "/feeds/europe/atom.xml?tag=old-" + this.run + "&lang=en",
				(h) -> h.setIfNoneMatch(combined.etag()));
		assertThat(combinedAfter.status()).isEqualTo(200);
		assertThat(combinedAfter.text()).doesNotContain(FeedPage.itemId(moving));
		FeedFetch revalidated = FeedFetch.get(this.client, newFeed, (h) -> h.setIfNoneMatch(entered.etag()));
		assertThat(revalidated.status()).isEqualTo(304);
		// An unrelated tag's feed keeps its validators.
		FeedFetch parliament = FeedFetch.get(this.client, "/feeds/tags/parliament-" + this.run + "/rss.xml");
		this.newsroom.update(moving, draft("move-" + this.run, "europe", "Moving story, edited", "en",
				List.of("new-" + this.run), List.of("Desk")));
		FeedFetch.await(this.client, newFeed, (feed) -> feed.text().contains("Moving story, edited"));
		assertThat(FeedFetch
			.get(this.client, "/feeds/tags/parliament-" + this.run + "/rss.xml",
					(h) -> h.setIfNoneMatch(parliament.etag()))
			.status()).isEqualTo(304);
	}

	@Test
	void pagingLinksKeepTheFilters() {
		FeedXml first = FeedFetch.get(this.client, budget() + "atom.xml?limit=1").xml();
		String next = first.text("/atom:feed/atom:link[@rel='next']/@href");
		assertThat(next).contains(budget() + "atom.xml?cursor=").endsWith("&limit=1");
		FeedXml filtered = FeedFetch.get(this.client, "/feeds/rss.xml?tag=byudzhet-" + this.run + "&limit=1").xml();
		assertThat(filtered.text("/rss/channel/atom:link[@rel='next']/@href"))
			.contains("/feeds/rss.xml?tag=byudzhet-" + this.run + "&cursor=");
		String path = next.substring(next.indexOf("/feeds/"));
		FeedXml second = FeedFetch.get(this.client, path).xml();
		assertThat(second.texts("/atom:feed/atom:entry/atom:id")).containsExactly(FeedPage.itemId(this.kazakh));
	}

	@Test
	void cachedFilteredFeedRevalidatesWith304() {
		for (String uri : List.of(budget() + "rss.xml", "/feeds/rss.xml?lang=kk",
				"/feeds/world/feed.json?tag=byudzhet-" + this.run + "&lang=ru")) {
			FeedFetch first = FeedFetch.get(this.client, uri);
			assertThat(first.status()).as(uri).isEqualTo(200);
			FeedFetch again = FeedFetch.get(this.client, uri, (h) -> h.setIfNoneMatch(first.etag()));
			assertThat(again.status()).as(uri).isEqualTo(304);
		}
	}

	@Test
	void badFiltersAre400AndUnknownOnes404() {
		for (String uri : List.of("/feeds/rss.xml?tag=Not%20A%20Slug", "/feeds/rss.xml?tag=a&tag=b",
				"/feeds/rss.xml?lang=english!", "/feeds/rss.xml?colour=red", budget() + "rss.xml?tag=other",
				"/feeds/tags/UPPER/rss.xml", "/api/articles?tag=a&tag=b", "/api/articles?lang=%21")) {
			FeedFetch refused = FeedFetch.get(this.client, uri, (h) -> h.set("Accept", "application/problem+json"));
			assertThat(refused.status()).as(uri).isEqualTo(400);
			assertThat(refused.headers().getContentType()).as(uri).hasToString("application/problem+json");
		}
		for (String uri : List.of("/feeds/tags/no-such-tag-" + this.run + "/rss.xml",
				"/feeds/authors/nobody-" + this.run + "/atom.xml", "/feeds/world/rss.xml?lang=zu",
				"/feeds/rss.xml?author=nobody-" + this.run, "/api/articles?tag=no-such-tag-" + this.run)) {
			FeedFetch missing = FeedFetch.get(this.client, uri, (h) -> h.set("Accept", "application/problem+json"));
			assertThat(missing.status()).as(uri).isEqualTo(404);
			assertThat(missing.headers().getContentType()).as(uri).hasToString("application/problem+json");
		}
	}

	@Test
	void opmlAndTickerPageListTheLanguageEditionsOwnLanguageFirst() {
		FeedXml opml = FeedFetch.get(this.client, "/feeds.opml").xml();
		assertThat(opml.texts("//outline[@text='Language editions']/outline/@language")).contains("kk", "ru", "en");
		assertThat(opml.texts("//outline[@text='Language editions']/outline/@xmlUrl"))
			.anySatisfy((url) -> assertThat(url).endsWith("/feeds/rss.xml?lang=kk"));
		String page = FeedFetch.get(this.client, "/?section=kazakhstan").text();
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
		List<String> languages = html.select("head link[rel=alternate][hreflang]").eachAttr("hreflang");
		assertThat(languages).contains("kk", "ru");
		assertThat(languages.get(0)).isEqualTo("en");
		assertThat(html.selectFirst("head link[rel=alternate][hreflang=kk]").attr("href"))
			.isEqualTo("/feeds/kazakhstan/rss.xml?lang=kk");
	}

}
