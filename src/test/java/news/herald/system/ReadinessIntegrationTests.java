package news.herald.system;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.database.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the database: DOWN while it is stopped (so the load balancer sends
 * traffic elsewhere), UP once it is back, while liveness stays UP throughout (a database
 * outage must not restart every pod). The Kubernetes probe's group ({@code /servez})
 * stays UP while the database is gone: a failover must not take every pod out of the
 * Service, since cached feeds and stream resumes still work. Its own context, because it
 * stops the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=readiness")
@AutoConfigureWebTestClient
@DirtiesContext
class ReadinessIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@AfterEach
	void restartDatabase() {
		this.embeddedDatabase.start();
	}

	@Test
	void readinessGoesDownWithTheDatabaseAndUpWhenItReturns() {
		awaitReadiness(200);

		this.embeddedDatabase.stop();
		JsonNode down = awaitReadiness(503);
		assertThat(down.get("status").asString()).isEqualTo("DOWN");
		assertThat(down.get("components").get("r2dbc").get("status").asString()).isEqualTo("DOWN");
		assertThat(down.get("components").get("eventRelay").get("status").asString()).isEqualTo("DOWN");
		this.client.get().uri("/livez").exchange().expectStatus().isOk();

		this.embeddedDatabase.start();
		JsonNode up = awaitReadiness(200);
		assertThat(up.get("components").get("r2dbc").get("status").asString()).isEqualTo("UP");
		assertThat(up.get("components").get("eventRelay").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theProbesGroupServesWhileTheDatabaseIsDown() {
		JsonNode serving = awaitStatus("/servez", 200);
		assertThat(serving.get("status").asString()).isEqualTo("UP");
		assertThat(serving.get("components").propertyNames()).containsExactly("readinessState");

		this.embeddedDatabase.stop();
		JsonNode readyz = awaitStatus("/readyz", 503);
		assertThat(readyz.get("components").get("r2dbc").get("status").asString()).isEqualTo("DOWN");
		JsonNode stillServing = awaitStatus("/servez", 200);
		assertThat(stillServing.get("status").asString()).isEqualTo("UP");
	}

	private JsonNode awaitReadiness(int status) {
		return awaitStatus("/readyz", status);
	}

	private JsonNode awaitStatus(String path, int status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			var result = this.client.mutate()
				.responseTimeout(Duration.ofSeconds(10))
				.build()
				.get()
				.uri(path)
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).as(path).isEqualTo(status);
			last[0] = tools.jackson.databind.json.JsonMapper.shared().readTree(result.getResponseBodyContent());
		});
		return last[0];
	}

}
