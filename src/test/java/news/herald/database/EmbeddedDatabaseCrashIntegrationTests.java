package news.herald.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.PublishingFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the embedded postmaster: while it is down every endpoint that needs
 * the database answers a 503 problem with {@code Retry-After} (not Spring's default 500),
 * and the watchdog starts it again on its own, with every acknowledged write still there
 * (crash recovery). The watchdog is held back while the outage is examined, so the test
 * does not race it. A kept data directory, as in production: a throw-away one runs
 * without fsync. Its own context, because it kills the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=database-crash", "herald.db.retry-after=4s",
				"herald.db.embedded.watch-interval=200ms" })
@AutoConfigureWebTestClient
@DirtiesContext
class EmbeddedDatabaseCrashIntegrationTests {

	private static final Duration RECOVERY = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	EmbeddedDatabaseWatchdog watchdog;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void keptDataDirectory(DynamicPropertyRegistry registry) {
		try {
			Path target = Files.createDirectories(Path.of("target"));
			Path dir = Files.createTempDirectory(target, "crash-postgres-");
			registry.add("herald.db.embedded.data-dir", dir::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aKilledDatabaseIs503EverywhereAndComesBackWithEveryAcknowledgedWrite() {
		List<String> acknowledged = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			acknowledged.add(DatabaseFaults.publish(this.client));
		}
		String retracted = acknowledged.remove(acknowledged.size() - 1);
		assertThat(DatabaseFaults.retract(this.client, retracted).getStatus().value()).isEqualTo(204);
		double restartsBefore = restarts();

		this.watchdog.stop();
		long killed = DatabaseFaults.kill(this.database);
		await().atMost(RECOVERY)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> DatabaseFaults.get(this.client, "/api/articles").getStatus().value() == 503);

		DatabaseFaults.assertUnavailable(DatabaseFaults.get(this.client, "/api/articles"), "4");
		DatabaseFaults.assertUnavailable(DatabaseFaults.get(this.client, "/api/articles/" + acknowledged.get(0)), "4");
		DatabaseFaults.assertUnavailable(DatabaseFaults.get(this.client, "/"), "4");
		DatabaseFaults.assertUnavailable(DatabaseFaults.create(this.client, PublishingFixtures.article("world")), "4");
		DatabaseFaults.assertUnavailable(DatabaseFaults.retract(this.client, acknowledged.get(1)), "4");

		this.watchdog.start();
		await().atMost(RECOVERY)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> DatabaseFaults.get(this.client, "/api/articles").getStatus().value() == 200);
		assertThat(this.database.postmasterPid().orElseThrow()).isNotEqualTo(killed);
		// The watchdog counts the restart once the server is up; a request may be first.
		await().atMost(RECOVERY).until(() -> restarts() == restartsBefore + 1);
		for (String id : acknowledged) {
			assertThat(DatabaseFaults.get(this.client, "/api/articles/" + id).getStatus().value()).as(id)
				.isEqualTo(200);
		}
		assertThat(DatabaseFaults.get(this.client, "/api/articles/" + retracted).getStatus().value()).isEqualTo(410);
		assertThat(DatabaseFaults.get(this.client, "/").getStatus().value()).isEqualTo(200);
		await().atMost(RECOVERY).until(() -> DatabaseFaults.get(this.client, "/readyz").getStatus().value() == 200);
	}

	private double restarts() {
		var counter = this.meters.find("herald.db.embedded.restarts").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
