package news.herald.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.article.ArticleRepository;
import news.herald.section.SectionCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** Following the next links from the first page visits every article exactly once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedPagingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ArticleRepository articles;

	@Autowired
	SectionCatalog sections;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void rssPagesOfTheOutletWalkEveryArticleOnce() {
		assertThat(walk("/feeds/rss.xml?limit=7", FeedFormat.RSS)).containsExactlyElementsOf(expected(null));
	}

	@Test
	void atomPagesOfAParentSectionWalkEveryArticleOfItsFamilyOnce() {
		assertThat(walk("/feeds/world/atom.xml?limit=4", FeedFormat.ATOM))
			.containsExactlyElementsOf(expected(this.sections.family("world")));
	}

	@Test
	void jsonPagesWalkEveryArticleOnce() {
		assertThat(walk("/feeds/regional/feed.json?limit=3", FeedFormat.JSON))
			.containsExactlyElementsOf(expected(this.sections.family("regional")));
	}

	private List<String> walk(String first, FeedFormat format) {
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

	private List<String> expected(Set<String> family) {
		return this.articles.findPublished(family, null, 100_000)
			.map(Article::id)
			.map((id) -> "urn:uuid:" + id)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
