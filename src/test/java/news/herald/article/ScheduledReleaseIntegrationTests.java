package news.herald.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.HeraldApplication;
import news.herald.database.EmbeddedDatabase;
import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;
import news.herald.event.EventRelay;
import news.herald.TestHttp;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Embargoed articles come out at their time, once, even with two Herald instances on one
 * database both running the release job every 100 ms. The time is Herald's clock, which
 * the test moves forward, so the "not before its time" half never depends on speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.publishing.release-interval=100ms", "herald.publishing.demo-content=false" })
@Import(ScheduledReleaseIntegrationTests.HeraldTime.class)
class ScheduledReleaseIntegrationTests {

	private static final int ARTICLES = 30;

	private static ConfigurableApplicationContext second;

	@Autowired
	ArticleEventRepository events;

	@Autowired
	ArticleRepository articles;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Herald's clock on both instances: the machine's time, plus what the test adds. */
	static final AdjustableClock CLOCK = new AdjustableClock();

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
		CLOCK.reset();
	}

	@Test
	void anEmbargoedArticleIsInvisibleBeforeItsTimeAndReleasedOnceByTwoInstances() {
		second = startSecondInstance();
		WebTestClient first = client(firstPort());
		WebTestClient other = client(second.getEnvironment().getProperty("local.server.port", Integer.class));
		long before = this.events.latestId().block(Duration.ofSeconds(10));
		// Far ahead of the real time: Herald's clock, not the machine's speed, decides.
		Instant embargo = Instant.now().plus(Duration.ofHours(1));
		List<String> ids = IntStream.range(0, ARTICLES).mapToObj((n) -> {
			Map<String, Object> article = article("europe");
			article.put("publishedAt", embargo.toString());
			WebTestClient writer = (n % 2 == 0) ? first : other;
			JsonNode created = writer.post()
				.uri("/api/articles")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.json.writeValueAsString(article))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(created.get("status").asString()).isEqualTo("scheduled");
			return created.get("id").asString();
		}).toList();

		// The release job runs on both instances, and still nothing comes out early.
		awaitRounds(5);
		for (WebTestClient client : List.of(first, other)) {
			client.get().uri("/api/articles/{id}", ids.get(0)).exchange().expectStatus().isNotFound();
			assertThat(listed(client)).doesNotContainAnyElementsOf(ids);
		}
		assertThat(eventsOf(ids, before)).isEmpty();

		Instant timeCame = Instant.now();
		CLOCK.advance(Duration.between(Instant.now(), embargo).plusSeconds(1));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> eventsOf(ids, before).size() >= ARTICLES);
		// Several more release rounds on both instances: nothing is released twice.
		long settled = this.events.latestId().block(Duration.ofSeconds(10));
		await().atLeast(Duration.ZERO)
			.atMost(Duration.ofSeconds(30))
			.until(() -> second.getBean(EventRelay.class).lastDelivered() >= settled);
		awaitRounds(10);

		List<ArticleEvent> released = eventsOf(ids, before);
		assertThat(released).hasSize(ARTICLES).allSatisfy((event) -> {
			assertThat(event.type()).isEqualTo(ArticleEventType.PUBLISHED);
			// Events carry the database's time, which the clock under test does not move.
			assertThat(event.createdAt()).isAfterOrEqualTo(timeCame);
		});
		assertThat(released.stream().map((event) -> event.headline().id().toString()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(ids);
		for (ArticleEvent event : released) {
			Article article = this.articles.findById(event.headline().id()).block(Duration.ofSeconds(10));
			assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
			assertThat(article.seq()).isEqualTo(event.id());
			assertThat(article.version()).isEqualTo(1);
		}
		for (WebTestClient client : List.of(first, other)) {
			client.get().uri("/api/articles/{id}", ids.get(0)).exchange().expectStatus().isOk();
			assertThat(listed(client)).containsAll(ids);
		}
	}

	/** Lets the release job run a few more times on both instances. */
	private void awaitRounds(int rounds) {
		long until = System.nanoTime() + Duration.ofMillis(100L * rounds).toNanos();
		await().pollInterval(Duration.ofMillis(50))
			.atMost(Duration.ofSeconds(30))
			.until(() -> System.nanoTime() > until);
	}

	private ConfigurableApplicationContext startSecondInstance() {
		String db = "//localhost:" + this.database.port() + "/postgres";
		return new SpringApplicationBuilder(HeraldApplication.class, HeraldTime.class).run("--server.port=0",
				"--spring.r2dbc.url=r2dbc:postgresql:" + db, "--spring.r2dbc.username=postgres",
				"--spring.flyway.url=jdbc:postgresql:" + db, "--spring.flyway.user=postgres",
				"--herald.publishing.demo-content=false", "--herald.publishing.release-interval=100ms");
	}

	private int firstPort() {
		return this.environment.getProperty("local.server.port", Integer.class);
	}

	private static WebTestClient client(int port) {
		return TestHttp.server(port);
	}

	private List<String> listed(WebTestClient client) {
		JsonNode page = client.get()
			.uri("/api/articles?section=europe&limit=200")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return page.get("articles").valueStream().map((a) -> a.get("id").asString()).toList();
	}

	private List<ArticleEvent> eventsOf(List<String> ids, long after) {
		Set<UUID> wanted = ids.stream().map(UUID::fromString).collect(Collectors.toSet());
		return this.events.findAfter(after, null, 10_000)
			.filter((event) -> wanted.contains(event.headline().id()))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	/** Imported, not scanned: only the contexts of this test use the adjustable clock. */
	static class HeraldTime {

		@Bean
		@Primary
		Clock adjustableClock() {
			return CLOCK;
		}

	}

	static final class AdjustableClock extends Clock {

		private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

		void advance(Duration duration) {
			this.ahead.accumulateAndGet(duration, Duration::plus);
		}

		void reset() {
			this.ahead.set(Duration.ZERO);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.ahead.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
