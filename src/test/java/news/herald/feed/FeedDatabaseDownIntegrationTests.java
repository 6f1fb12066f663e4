package news.herald.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.database.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database is down, feeds already rendered are still served (and revalidated),
 * and one never rendered gets a 503 that says when to come back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=feed-database-down", "herald.feeds.retry-after=7s" })
@AutoConfigureWebTestClient
class FeedDatabaseDownIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void restartDatabase() {
		this.embeddedDatabase.start();
	}

	@Test
	void tagFeedRevalidatesWith304WhileTheDatabaseIsDown() {
		FeedFetch tag = FeedFetch.get(this.client, "/feeds/tags/syria/atom.xml");
		assertThat(tag.status()).isEqualTo(200);
		assertThat(tag.xml().count("/atom:feed/atom:entry")).isPositive();

		this.embeddedDatabase.stop();

		FeedFetch revalidated = FeedFetch.get(this.client, "/feeds/tags/syria/atom.xml",
				(headers) -> headers.setIfNoneMatch(tag.etag()));
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.etag()).isEqualTo(tag.etag());
		FeedFetch whileDown = FeedFetch.get(this.client, "/feeds/tags/syria/atom.xml");
		assertThat(whileDown.status()).isEqualTo(200);
		assertThat(whileDown.body()).isEqualTo(tag.body());
	}

	@Test
	void cachedFeedsAreServedAndUncachedOnesAre503UntilTheDatabaseReturns() {
		FeedFetch cached = FeedFetch.get(this.client, "/feeds/world/rss.xml");
		assertThat(cached.status()).isEqualTo(200);

		this.embeddedDatabase.stop();

		FeedFetch whileDown = FeedFetch.get(this.client, "/feeds/world/rss.xml");
		assertThat(whileDown.status()).isEqualTo(200);
		assertThat(whileDown.body()).isEqualTo(cached.body());
		assertThat(whileDown.etag()).isEqualTo(cached.etag());
		FeedFetch revalidated = FeedFetch.get(this.client, "/feeds/world/rss.xml",
				(headers) -> headers.setIfNoneMatch(cached.etag()));
		assertThat(revalidated.status()).isEqualTo(304);

		FeedFetch uncached = FeedFetch.get(this.client, "/feeds/atom.xml?limit=3");
		assertThat(uncached.status()).isEqualTo(503);
		assertThat(uncached.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(uncached.headers().getCacheControl()).isEqualTo("no-store");
		assertThat(uncached.headers().getContentType()).hasToString("application/problem+json");
		assertThat(uncached.text()).contains("\"status\":503").contains("Retry-After");

		this.embeddedDatabase.start();

		FeedFetch recovered = FeedFetch.await(this.client, "/feeds/atom.xml?limit=3", (feed) -> feed.status() == 200);
		assertThat(recovered.xml().count("/atom:feed/atom:entry")).isEqualTo(3);
	}

	@Test
	void aDeltaRequestGetsTheCachedFullFeedWhileTheEventsCannotBeRead() {
		FeedFetch before = FeedFetch.get(this.client, "/feeds/europe/atom.xml");
		Article added = new Newsroom(this.context)
			.publish(Newsroom.draft(Newsroom.unique("delta-down"), "europe", "Published before the outage"));
		FeedFetch current = FeedFetch.await(this.client, "/feeds/europe/atom.xml",
				(feed) -> feed.text().contains(added.id().toString()));

		this.embeddedDatabase.stop();

		FeedFetch whileDown = FeedFetch.get(this.client, "/feeds/europe/atom.xml", (headers) -> {
			headers.set("A-IM", "feed");
			headers.setIfNoneMatch(before.etag());
		});
		assertThat(whileDown.status()).isEqualTo(200);
		assertThat(whileDown.headers().getFirst("IM")).isNull();
		assertThat(whileDown.etag()).isEqualTo(current.etag());
		assertThat(whileDown.body()).isEqualTo(current.body());
	}

}
