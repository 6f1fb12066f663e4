package news.herald.audience;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.HeraldApplication;
import news.herald.TestHttp;
import news.herald.database.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances on one database: their counts merge (a client seen by both counts once, an
 * aggregator's latest figure wins whichever instance saw it), and an instance that stops
 * writes its last counts, which a restarted one still shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { Readers.TRUST_LOOPBACK, "herald.publishing.demo-content=false",
				"herald.audience.flush-interval=1h", "herald.test.context=audience-two-instances" })
class AudienceTwoInstancesIntegrationTests {

	private static final String FEED = "/feeds/europe/atom.xml";

	private static final String NEWSBOAT = "newsboat/2.36.0 (Linux x86_64)";

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@LocalServerPort
	int port;

	@Test
	void countsOfTwoInstancesMergeAndSurviveARestart() {
		WebTestClient one = TestHttp.server(this.port);
		ConfigurableApplicationContext second = instance();
		WebTestClient two = client(second);
		Readers.fetch(one, FEED, "192.0.2.1", NEWSBOAT);
		Readers.fetch(two, FEED, "192.0.2.1", NEWSBOAT);
		Readers.fetch(two, FEED, "192.0.2.2", NEWSBOAT);
		Readers.fetch(one, FEED, "192.0.2.9", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 10 subscribers; )");
		Readers.fetch(two, FEED, "192.0.2.9", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; )");
		Readers.flush(this.context);
		// Stopping writes what the second instance counted since its last flush.
		second.close();

		JsonNode merged = Readers.today(Readers.audience(one, "europe"), FEED);
		assertThat(merged.get("directClients").asLong()).isEqualTo(2);
		assertThat(merged.get("aggregators").get("Feedly").asInt()).isEqualTo(12);

		// A restarted instance starts with empty memory and still shows the flushed day,
		// adding what it counts to it.
		ConfigurableApplicationContext restarted = instance();
		try {
			WebTestClient three = client(restarted);
			JsonNode afterRestart = Readers.today(Readers.audience(three, "europe"), FEED);
			assertThat(afterRestart.get("directClients").asLong()).isEqualTo(2);
			assertThat(afterRestart.get("aggregators").get("Feedly").asInt()).isEqualTo(12);
			Readers.fetch(three, FEED, "192.0.2.2", NEWSBOAT);
			Readers.fetch(three, FEED, "192.0.2.3", NEWSBOAT);
			// A request is counted once its answer has gone out, which the client may see
			// first: flush until the count is in.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Readers.flush(restarted);
				JsonNode later = Readers.today(Readers.audience(one, "europe"), FEED);
				assertThat(later.get("directClients").asLong()).isEqualTo(3);
			});
		}
		finally {
			restarted.close();
		}
	}

	private ConfigurableApplicationContext instance() {
		String db = "localhost:" + this.embeddedDatabase.port() + "/postgres";
		return new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.r2dbc.url=r2dbc:postgresql://" + db,
				"--spring.r2dbc.username=postgres", "--spring.flyway.url=jdbc:postgresql://" + db,
				"--spring.flyway.user=postgres", "--herald.publishing.demo-content=false",
				"--herald.http.trusted-proxies=127.0.0.1,::1", "--herald.audience.flush-interval=1h");
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return TestHttp.server(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
