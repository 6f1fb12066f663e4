package news.herald.database;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.PublishingFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frozen database ({@code kill -STOP} of the server: connections stay open, nothing
 * answers) no longer holds requests for as long as it is frozen: a read and a write get a
 * 503 problem once the answer deadline passes (statement time-out 3 s plus 1 s here),
 * readiness reports DOWN within seconds, the watchdog leaves the live (if stopped) server
 * alone, and everything works again once it is thawed. Its own context, because it
 * freezes the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=database-frozen", "herald.db.statement-timeout=3s",
				"herald.db.health-timeout=2s", "herald.db.retry-after=3s" })
@AutoConfigureWebTestClient
@DirtiesContext
class FrozenDatabaseIntegrationTests {

	/** The deadline (4 s) and what a loaded machine adds to it. */
	private static final Duration PROMPTLY = Duration.ofSeconds(8);

	@Autowired
	WebTestClient client;

	@Autowired
	EmbeddedDatabase database;

	@Test
	void aFrozenDatabaseIs503WithinSecondsAndReadinessGoesDown() {
		String id = DatabaseFaults.publish(this.client);
		assertThat(DatabaseFaults.get(this.client, "/readyz").getStatus().value()).isEqualTo(200);
		long postmaster = this.database.postmasterPid().orElseThrow();

		List<Long> frozen = DatabaseFaults.freeze(this.database);
		try {
			DatabaseFaults.assertUnavailable(
					promptly(() -> DatabaseFaults.get(this.client, "/api/articles/" + id), "a read"), "3");
			DatabaseFaults.assertUnavailable(
					promptly(() -> DatabaseFaults.create(this.client, PublishingFixtures.article("world")), "a write"),
					"3");
			EntityExchangeResult<byte[]> readiness = promptly(() -> DatabaseFaults.get(this.client, "/readyz"),
					"readiness");
			assertThat(readiness.getStatus().value()).isEqualTo(503);
			JsonNode health = DatabaseFaults.json(readiness);
			assertThat(health.get("components").get("r2dbc").get("status").asString()).isEqualTo("DOWN");
			assertThat(this.database.postmasterPid().orElseThrow()).as("not restarted").isEqualTo(postmaster);
		}
		finally {
			DatabaseFaults.thaw(frozen);
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> DatabaseFaults.get(this.client, "/api/articles/" + id).getStatus().value() == 200);
		assertThat(DatabaseFaults.publish(this.client)).isNotBlank();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> DatabaseFaults.get(this.client, "/readyz").getStatus().value() == 200);
	}

	private static EntityExchangeResult<byte[]> promptly(Supplier<EntityExchangeResult<byte[]>> request, String what) {
		long started = System.nanoTime();
		EntityExchangeResult<byte[]> result = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).as("%s answered after %s", what, took).isLessThan(PROMPTLY);
		return result;
	}

}
