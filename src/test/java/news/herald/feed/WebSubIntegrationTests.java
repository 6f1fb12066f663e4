package news.herald.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event pings the configured WebSub hub for each feed it changed; a hub that fails
 * is retried with back-off. The hub here is a local server that records what it gets and
 * refuses each URL's first ping. Without demo content nothing else is published in this
 * context, so every ping the hub sees comes from the test's own article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.http.base-url=https://herald.test", "herald.websub.first-backoff=50ms",
				"herald.publishing.demo-content=false" })
@AutoConfigureWebTestClient
class WebSubIntegrationTests {

	static final Queue<Map<String, List<String>>> pings = new ConcurrentLinkedQueue<>();

	static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	static final DisposableServer hub = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/hub",
				(request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
					Map<String, List<String>> form = form(body);
					String url = form.getOrDefault("hub.url", List.of("")).get(0);
					int attempt = attempts.computeIfAbsent(url, (key) -> new AtomicInteger()).incrementAndGet();
					if (attempt == 1) {
						return response.status(503).send().then();
					}
					pings.add(form);
					return response.status(204).send().then();
				})))
		.bindNow();

	@DynamicPropertySource
	static void hubUrl(DynamicPropertyRegistry registry) {
		registry.add("herald.websub.hub-url", () -> "http://127.0.0.1:" + hub.port() + "/hub");
	}

	@AfterAll
	static void stopHub() {
		hub.disposeNow();
	}

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void forgetEarlierPings() {
		pings.clear();
		attempts.clear();
	}

	@Test
	void aPublishPingsTheHubForEveryFeedItChangedAfterRetrying() {
		Article article = new Newsroom(this.context)
			.publish(Newsroom.draft(Newsroom.unique("websub"), "kazakhstan", "Hub ping"));
		// The outlet's feeds, and those of kazakhstan and its parent section, regional.
		List<String> expected = List.of("https://herald.test/feeds/rss.xml", "https://herald.test/feeds/atom.xml",
				"https://herald.test/feeds/feed.json", "https://herald.test/feeds/regional/rss.xml",
				"https://herald.test/feeds/regional/atom.xml", "https://herald.test/feeds/regional/feed.json",
				"https://herald.test/feeds/kazakhstan/rss.xml", "https://herald.test/feeds/kazakhstan/atom.xml",
				"https://herald.test/feeds/kazakhstan/feed.json");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveredUrls()).containsExactlyInAnyOrderElementsOf(expected));
		// And nothing more arrives: no duplicate, no feed the article did not change.
		Awaitility.await()
			.during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(deliveredUrls()).containsExactlyInAnyOrderElementsOf(expected));
		assertThat(pings).allSatisfy((form) -> assertThat(form.get("hub.mode")).containsExactly("publish"));
		// Each URL was refused once and then delivered by exactly one retry.
		assertThat(attempts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		expected.forEach((url) -> assertThat(attempts.get(url).get()).as(url).isEqualTo(2));
		assertThat(article.id()).isNotNull();
	}

	private static List<String> deliveredUrls() {
		return pings.stream().map((form) -> form.get("hub.url").get(0)).toList();
	}

	@Test
	void feedsAnnounceTheHubAndUseTheConfiguredBaseUrl() {
		FeedXml rss = FeedFetch.get(this.client, "/feeds/rss.xml").xml();
		assertThat(rss.text("/rss/channel/atom:link[@rel='hub']/@href"))
			.isEqualTo("http://127.0.0.1:" + hub.port() + "/hub");
		assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href"))
			.isEqualTo("https://herald.test/feeds/rss.xml");
		FeedXml atom = FeedFetch.get(this.client, "/feeds/world/atom.xml").xml();
		assertThat(atom.text("/atom:feed/atom:link[@rel='hub']/@href"))
			.isEqualTo("http://127.0.0.1:" + hub.port() + "/hub");
		String json = FeedFetch.get(this.client, "/feeds/world/feed.json").text();
		assertThat(json)
			.contains("\"hubs\":[{\"type\":\"WebSub\",\"url\":\"http://127.0.0.1:" + hub.port() + "/hub\"}]");
	}

	private static Map<String, List<String>> form(String body) {
		Map<String, List<String>> form = new ConcurrentHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				form.computeIfAbsent(name, (key) -> new java.util.ArrayList<>()).add(value);
			}
		}
		return form;
	}

}
