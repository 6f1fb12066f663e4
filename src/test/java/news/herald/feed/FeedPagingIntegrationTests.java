package news.herald.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/** Following the next links from the first page visits every article exactly once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedPagingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	/** World and its subsections, as the newsroom's desks are organised. */
	private static final Set<String> WORLD = Set.of("world", "russia", "europe", "americas", "middle-east");

	/** Regional news: the region and Kazakhstan. */
	private static final Set<String> REGIONAL = Set.of("regional", "kazakhstan");

	private static final String[] DESKS = { "world", "kazakhstan", "russia", "regional", "europe", "middle-east" };

	@Test
	void rssPagesOfTheOutletWalkEveryArticleOnce() {
		List<String> ours = newestFirst(publish(9), null);
		List<String> walked = walk("/feeds/rss.xml?limit=7", FeedFormat.RSS, ours);
		assertThat(walked.subList(0, ours.size())).containsExactlyElementsOf(ours);
		assertThat(walked).containsExactlyElementsOf(everyArticle(null));
	}

	@Test
	void atomPagesOfAParentSectionWalkEveryArticleOfItsFamilyOnce() {
		List<String> ours = newestFirst(publish(9), WORLD);
		List<String> walked = walk("/feeds/world/atom.xml?limit=4", FeedFormat.ATOM, ours);
		assertThat(ours).hasSize(6);
		assertThat(walked.subList(0, ours.size())).containsExactlyElementsOf(ours);
		assertThat(walked).containsExactlyElementsOf(everyArticle(WORLD));
	}

	@Test
	void jsonPagesWalkEveryArticleOnce() {
		List<String> ours = newestFirst(publish(9), REGIONAL);
		List<String> walked = walk("/feeds/regional/feed.json?limit=3", FeedFormat.JSON, ours);
		assertThat(ours).hasSize(3);
		assertThat(walked.subList(0, ours.size())).containsExactlyElementsOf(ours);
		assertThat(walked).containsExactlyElementsOf(everyArticle(REGIONAL));
	}

	/**
	 * Publishes articles across the desks; the newest ones, so they lead every feed.
	 * Returns each one's section and feed id in publishing order.
	 */
	private List<Map.Entry<String, String>> publish(int count) {
		Newsroom newsroom = new Newsroom(this.context);
		List<Map.Entry<String, String>> published = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String section = DESKS[i % DESKS.length];
			Article article = newsroom.publish(Newsroom.draft(Newsroom.unique("paging"), section, "Paging " + i));
			published.add(Map.entry(section, "urn:uuid:" + article.id()));
		}
		return published;
	}

	private static List<String> newestFirst(List<Map.Entry<String, String>> published, Set<String> family) {
		List<String> ids = new ArrayList<>();
		for (Map.Entry<String, String> article : published) {
			if (family == null || family.contains(article.getKey())) {
				ids.add(0, article.getValue());
			}
		}
		return ids;
	}

	/**
	 * Every published article of the family, in the order of the article API, which lists
	 * the whole outlet; the section filter is the test's own.
	 */
	private List<String> everyArticle(Set<String> family) {
		List<String> ids = new ArrayList<>();
		String uri = "/api/articles?limit=200";
		int pages = 0;
		while (uri != null) {
			JsonNode page = this.json.readTree(FeedFetch.get(this.client, uri).body());
			page.path("articles").forEach((article) -> {
				if (family == null || family.contains(article.path("section").asString())) {
					ids.add("urn:uuid:" + article.path("id").asString());
				}
			});
			String cursor = page.path("nextCursor").asString("");
			uri = cursor.isEmpty() ? null : "/api/articles?limit=200&cursor=" + cursor;
			assertThat(++pages).as("pages").isLessThan(100);
		}
		return ids;
	}

	private List<String> walk(String first, FeedFormat format, List<String> ours) {
		// The relay tells the feeds about the writes asynchronously.
		String newest = ours.get(0).substring("urn:uuid:".length());
		FeedFetch.await(this.client, first, (fetch) -> fetch.text().contains(newest));
		List<String> ids = new ArrayList<>();
		String next = first;
		int pages = 0;
		while (next != null) {
			FeedFetch page = FeedFetch.get(this.client, next);
			assertThat(page.status()).as(next).isEqualTo(200);
			String nextUrl;
			switch (format) {
				case RSS -> {
					FeedXml rss = page.xml();
					ids.addAll(rss.texts("/rss/channel/item/guid"));
					nextUrl = rss.text("/rss/channel/atom:link[@rel='next']/@href");
					assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href")).isEqualTo(base() + next);
				}
				case ATOM -> {
					FeedXml atom = page.xml();
					ids.addAll(atom.texts("/atom:feed/atom:entry/atom:id"));
					nextUrl = atom.text("/atom:feed/atom:link[@rel='next']/@href");
					assertThat(atom.text("/atom:feed/atom:link[@rel='self']/@href")).isEqualTo(base() + next);
				}
				default -> {
					JsonNode feed = this.json.readTree(page.body());
					feed.path("items").forEach((item) -> ids.add(item.path("id").asString()));
					nextUrl = feed.path("next_url").asString("");
					assertThat(feed.path("feed_url").asString()).isEqualTo(base() + next);
				}
			}
			next = nextUrl.isEmpty() ? null : nextUrl.substring(base().length());
			assertThat(++pages).as("pages").isLessThan(1000);
		}
		assertThat(ids).doesNotHaveDuplicates();
		return ids;
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
