package news.herald.audience;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting on real feed requests (200 and 304, from the fast path and the controller),
 * the figures the API gives for them, and who may see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { Readers.TRUST_LOOPBACK, "herald.publishing.demo-content=false",
				"herald.audience.flush-interval=1h" })
@AutoConfigureWebTestClient
class AudienceIntegrationTests {

	private static final String FEED = "/feeds/kazakhstan/rss.xml";

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Test
	void aggregatorsAndDirectClientsAreCountedPerFeed() {
		Map<String, Integer> sent = Map.of("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 120 subscribers; )", 200,
				"Mozilla/5.0 (compatible; inoreader.com; 47 subscribers)", 200,
				"NewsBlur Feed Fetcher - 9 subscribers - https://www.newsblur.com/site/6163234/kz (Mozilla/5.0)", 200,
				"NewsBlur Feed Fetcher - 3 subscribers - https://www.newsblur.com/site/7000001/kz-mirror (Mozilla/5.0)",
				200, "Feedbin feed-id:1373711 - 142 subscribers", 200,
				"Mozilla/5.0 (compatible; theoldreader.com; 5 subscribers; feed-id=5c82f0e2b3f8a9a3d2000127)", 200,
				"Netvibes (crawler/1.0; https://www.netvibes.com/; 4 subscribers; feedID: 39028473)", 200);
		sent.forEach((agent, status) -> assertThat(Readers.fetch(this.client, FEED, "198.51.100.7", agent))
			.isEqualTo(status));
		// Feedly's figure moved: the latest counts, not the sum nor the largest.
		Readers.fetch(this.client, FEED, "198.51.100.7",
				"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 180 subscribers; )");
		Readers.fetch(this.client, FEED, "198.51.100.7",
				"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; )");
		// Seven direct clients: six addresses with newsboat (one only asks HEAD), one of
		// them also with NetNewsWire; repeats and 304s count once per client.
		String etag = Readers.etag(this.client, FEED, "203.0.113.1", "newsboat/2.36.0 (Linux x86_64)");
		for (int i = 1; i <= 5; i++) {
			assertThat(Readers.fetch(this.client, FEED, "203.0.113." + i, "newsboat/2.36.0 (Linux x86_64)"))
				.isEqualTo(200);
			assertThat(Readers.revalidate(this.client, FEED, etag, "203.0.113." + i, "newsboat/2.36.0 (Linux x86_64)"))
				.isEqualTo(304);
		}
		Readers.revalidate(this.client, FEED, etag, "203.0.113.1",
				"NetNewsWire (RSS Reader; https://netnewswire.com/)");
		// A HEAD is a client asking whether the feed changed: counted as a GET is.
		this.client.head()
			.uri(FEED)
			.header("X-Forwarded-For", "203.0.113.6")
			.header("User-Agent", "newsboat/2.36.0 (Linux x86_64)")
			.exchange()
			.expectStatus()
			.isOk();
		// A refusal is not a reader.
		assertThat(Readers.fetch(this.client, "/feeds/no-such-desk/rss.xml", "203.0.113.9", "newsboat/2.36.0"))
			.isEqualTo(404);
		Readers.flush(this.context);

		JsonNode today = Readers.today(Readers.audience(this.client, "kazakhstan"), FEED);
		JsonNode aggregators = today.get("aggregators");
		assertThat(aggregators.get("Feedly").asInt()).isEqualTo(131);
		assertThat(aggregators.get("Inoreader").asInt()).isEqualTo(47);
		assertThat(aggregators.get("NewsBlur").asInt()).isEqualTo(12);
		assertThat(aggregators.get("Feedbin").asInt()).isEqualTo(142);
		assertThat(aggregators.get("The Old Reader").asInt()).isEqualTo(5);
		assertThat(aggregators.get("Netvibes").asInt()).isEqualTo(4);
		assertThat(today.get("aggregatorSubscribers").asInt()).isEqualTo(131 + 47 + 12 + 142 + 5 + 4);
		assertThat(today.get("directClients").asLong()).isEqualTo(7);
		assertThat(today.get("directClients7d").asLong()).isEqualTo(7);
		assertThat(Readers.audience(this.client, "no-such-desk").get("feeds")).isEmpty();
		// The flush refreshed the section's gauge for Prometheus.
		assertThat(this.context.getBean(MeterRegistry.class)
			.get("herald.audience.followers")
			.tag("section", "kazakhstan")
			.gauge()
			.value()).isEqualTo(131 + 47 + 12 + 142 + 5 + 4 + 7);
	}

	@Test
	void theApiRefusesWithoutAValidKey() {
		this.client.get()
			.uri("/api/audience")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer realm=\"herald\"");
		this.client.get()
			.uri("/api/audience")
			.header("Authorization", "Bearer not-a-key")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The publisher key is not valid.");
	}

	@Test
	void aSectionKeySeesOnlyItsSections() {
		this.client.get()
			.uri("/api/audience?scope=kazakhstan")
			.header("Authorization", "Bearer " + Readers.WORLD_DESK_KEY)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Readers.fetch(this.client, "/feeds/regional/atom.xml", "203.0.113.50", "newsboat/2.36.0");
		Readers.fetch(this.client, "/feeds/russia/atom.xml", "203.0.113.50", "newsboat/2.36.0");
		Readers.flush(this.context);
		this.client.get()
			.uri("/api/audience")
			.header("Authorization", "Bearer " + Readers.WORLD_DESK_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.feeds[?(@.scope == 'regional')]")
			.doesNotExist()
			.jsonPath("$.feeds[?(@.scope == 'russia')]")
			.exists();
	}

	@Test
	void badPeriodsAreRefusedWithAReason() {
		this.client.get()
			.uri("/api/audience?from=2026-12-31&to=2026-01-01")
			.header("Authorization", "Bearer " + Readers.EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("from");
		this.client.get()
			.uri("/api/audience?to=yesterday")
			.header("Authorization", "Bearer " + Readers.EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void thePageShowsOnlyAFormWithoutAKey() {
		String page = this.client.get()
			.uri("/newsroom/audience")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<form method=\"post\"").doesNotContain("followers-chart");
		this.client.post()
			.uri("/newsroom/audience")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("key=wrong")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("That is not a publisher key."));
		this.client.get()
			.uri("/newsroom/audience")
			.header("Authorization", "Bearer " + Readers.EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("<h1>Audience</h1>").doesNotContain("<form method=\"post\""));
	}

}
