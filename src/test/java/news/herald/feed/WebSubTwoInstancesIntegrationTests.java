package news.herald.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.herald.HeraldApplication;
import news.herald.database.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, both configured with the hub: the hub hears of each
 * event once per feed, not once per instance, whichever instance took the write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=websub-two-instances", "herald.http.base-url=https://herald.test",
				"herald.publishing.demo-content=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSubTwoInstancesIntegrationTests {

	private static final int EVENTS_PER_INSTANCE = 3;

	static final Map<String, AtomicInteger> pings = new ConcurrentHashMap<>();

	static final DisposableServer hub = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/hub",
				(request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
					pings.computeIfAbsent(hubUrl(body), (key) -> new AtomicInteger()).incrementAndGet();
					return response.status(204).send().then();
				})))
		.bindNow();

	@DynamicPropertySource
	static void hubUrl(DynamicPropertyRegistry registry) {
		registry.add("herald.websub.hub-url", WebSubTwoInstancesIntegrationTests::hub);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	ConfigurableApplicationContext second;

	@BeforeAll
	void startSecondInstance() {
		String db = "localhost:" + this.embeddedDatabase.port() + "/postgres";
		this.second = new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.r2dbc.url=r2dbc:postgresql://" + db,
				"--spring.r2dbc.username=postgres", "--spring.flyway.url=jdbc:postgresql://" + db,
				"--spring.flyway.user=postgres", "--herald.publishing.demo-content=false",
				"--herald.http.base-url=https://herald.test", "--herald.websub.hub-url=" + hub());
	}

	@AfterAll
	void stop() {
		if (this.second != null) {
			this.second.close();
		}
		hub.disposeNow();
	}

	@Test
	void eachEventPingsTheHubOncePerFeedAcrossInstances() throws InterruptedException {
		Newsroom first = new Newsroom(this.context);
		Newsroom other = new Newsroom(this.second);
		for (int i = 0; i < EVENTS_PER_INSTANCE; i++) {
			first.publish(Newsroom.draft(Newsroom.unique("hub-one"), "kazakhstan", "From the first instance " + i));
			other.publish(Newsroom.draft(Newsroom.unique("hub-two"), "kazakhstan", "From the second instance " + i));
		}
		int events = 2 * EVENTS_PER_INSTANCE;
		List<String> feeds = List.of("https://herald.test/feeds/rss.xml", "https://herald.test/feeds/atom.xml",
				"https://herald.test/feeds/feed.json", "https://herald.test/feeds/regional/rss.xml",
				"https://herald.test/feeds/regional/atom.xml", "https://herald.test/feeds/regional/feed.json",
				"https://herald.test/feeds/kazakhstan/rss.xml", "https://herald.test/feeds/kazakhstan/atom.xml",
				"https://herald.test/feeds/kazakhstan/feed.json");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> feeds.stream().allMatch((feed) -> count(feed) >= events));
		// Both relays have long seen every event by now; a second ping would already be
		// here
		// or follow within milliseconds.
		Thread.sleep(1500);
		assertThat(feeds).allSatisfy((feed) -> assertThat(count(feed)).as(feed).isEqualTo(events));
		assertThat(pings.keySet()).containsExactlyInAnyOrderElementsOf(feeds);
	}

	private static int count(String feed) {
		AtomicInteger count = pings.get(feed);
		return (count != null) ? count.get() : 0;
	}

	private static String hub() {
		return "http://127.0.0.1:" + hub.port() + "/hub";
	}

	private static String hubUrl(String form) {
		for (String pair : form.split("&")) {
			if (pair.startsWith("hub.url=")) {
				return URLDecoder.decode(pair.substring("hub.url=".length()), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

}
