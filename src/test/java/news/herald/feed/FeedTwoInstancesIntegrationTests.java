package news.herald.feed;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.HeraldApplication;
import news.herald.article.Article;
import news.herald.database.EmbeddedDatabase;
import news.herald.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Herald instances on one database: a publish, an update, a move and a retraction
 * made through either one change the validators and the content of the feeds on both, and
 * both hand out the same ETag for the same state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=feed-two-instances")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTwoInstancesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@LocalServerPort
	int port;

	ConfigurableApplicationContext second;

	WebTestClient one;

	WebTestClient two;

	@BeforeAll
	void startSecondInstance() {
		String db = "localhost:" + this.embeddedDatabase.port() + "/postgres";
		this.second = new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.r2dbc.url=r2dbc:postgresql://" + db,
				"--spring.r2dbc.username=postgres", "--spring.flyway.url=jdbc:postgresql://" + db,
				"--spring.flyway.user=postgres", "--herald.publishing.demo-content=false");
		int secondPort = ((WebServerApplicationContext) this.second).getWebServer().getPort();
		this.one = client(this.port);
		this.two = client(secondPort);
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void publishUpdateMoveAndRetractReachBothInstances() {
		Newsroom first = new Newsroom(this.context);
		Newsroom other = new Newsroom(this.second);
		String uri = "/feeds/russia/atom.xml";
		FeedFetch before = FeedFetch.get(this.one, uri);

		Article article = first.publish(Newsroom.draft(Newsroom.unique("two"), "russia", "Sanctions widen"));
		String id = "urn:uuid:" + article.id();
		FeedFetch published = awaitBoth(uri, (feed) -> feed.text().contains(id));
		assertThat(published.etag()).isNotEqualTo(before.etag());

		Article updated = other.update(article,
				Newsroom.draft(article.externalId(), "russia", "Sanctions widen again"));
		FeedFetch afterUpdate = awaitBoth(uri, (feed) -> feed.text().contains("Sanctions widen again"));
		FeedXml atom = afterUpdate.xml();
		assertThat(atom.count("/atom:feed/atom:entry[atom:id='" + id + "']")).isEqualTo(1);
		assertThat(atom.text("/atom:feed/atom:entry[atom:id='" + id + "']/atom:updated"))
			.isEqualTo(FeedDates.rfc3339(updated.updatedAt()));
		assertThat(afterUpdate.etag()).isNotEqualTo(published.etag());
		assertThat(FeedFetch.get(this.two, uri, (h) -> h.setIfNoneMatch(published.etag())).status()).isEqualTo(200);

		Article moved = first.update(updated, Newsroom.draft(article.externalId(), "europe", "Sanctions widen again"));
		awaitBoth(uri, (feed) -> !feed.text().contains(id));
		awaitBoth("/feeds/europe/rss.xml", (feed) -> feed.text().contains(id));
		awaitBoth("/feeds/world/feed.json", (feed) -> feed.text().contains(id));

		other.retract(moved);
		for (String feed : List.of("/feeds/europe/rss.xml", "/feeds/world/atom.xml", "/feeds/feed.json")) {
			awaitBoth(feed, (fetch) -> fetch.status() == 200 && !fetch.text().contains(id));
		}
	}

	/** Waits until the feed satisfies the condition on both instances, with one ETag. */
	private FeedFetch awaitBoth(String uri, java.util.function.Predicate<FeedFetch> condition) {
		FeedFetch fromOne = FeedFetch.await(this.one, uri, condition);
		FeedFetch fromTwo = FeedFetch.await(this.two, uri, condition);
		FeedFetch again = FeedFetch.await(this.one, uri, (feed) -> feed.etag().equals(fromTwo.etag()));
		assertThat(again.etag()).isEqualTo(fromTwo.etag());
		assertThat(fromOne.status()).isEqualTo(200);
		return fromTwo;
	}

	private static WebTestClient client(int port) {
		return TestHttp.server(port);
	}

}
