package news.herald.stream;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.HeraldApplication;
import news.herald.TestHttp;
import news.herald.database.EmbeddedDatabase;
import news.herald.stream.SseClient.Block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "N reading now" is summed over the instances on one database, and an instance that
 * stops drops out. Reports run every 300 ms here, and an instance counts for 2 s after
 * its last report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=presence", "herald.publishing.demo-content=false",
				"herald.stream.presence-report=300ms", "herald.stream.presence-expiry=2s",
				"herald.stream.presence-events=500ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenceIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@Autowired
	JsonMapper json;

	Process second;

	int secondPort;

	final List<Disposable> streams = new ArrayList<>();

	/**
	 * The second instance runs in a JVM of its own, so the test can kill it as a crash
	 * would: it never says goodbye, and must drop out by not reporting.
	 */
	@BeforeAll
	void startSecondInstance() throws Exception {
		String db = "localhost:" + this.embeddedDatabase.port() + "/postgres";
		try (ServerSocket free = new ServerSocket(0)) {
			this.secondPort = free.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		this.second = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				HeraldApplication.class.getName(), "--server.port=" + this.secondPort, "--management.server.port=",
				"--spring.r2dbc.url=r2dbc:postgresql://" + db, "--spring.r2dbc.username=postgres",
				"--spring.flyway.url=jdbc:postgresql://" + db, "--spring.flyway.user=postgres",
				"--herald.publishing.demo-content=false", "--herald.stream.presence-report=300ms",
				"--herald.stream.presence-expiry=2s", "--herald.security.keys=")
			.redirectErrorStream(true)
			.redirectOutput(Files.createTempFile("herald-presence-second", ".log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			assertThat(this.second.isAlive()).as("second instance running").isTrue();
			return TestHttp.server(this.secondPort)
				.get()
				.uri("/readyz")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.is2xxSuccessful();
		});
	}

	@AfterAll
	void stopEverything() {
		this.streams.forEach(Disposable::dispose);
		if (this.second != null) {
			this.second.destroyForcibly();
		}
	}

	@Test
	void readersAreSummedAcrossInstancesAndAStoppedInstanceDropsOut() {
		open(this.port, "/stream/europe", 2);
		open(this.secondPort, "/stream/europe", 3);
		open(this.secondPort, "/stream", 1);

		await().atMost(WITHIN).untilAsserted(() -> {
			assertThat(readers(this.port, "/api/sections/europe/presence")).isEqualTo(5);
			assertThat(readers(this.secondPort, "/api/sections/europe/presence")).isEqualTo(5);
			assertThat(readers(this.port, "/api/presence")).isEqualTo(1);
		});
		assertThat(readers(this.port, "/api/sections/world/presence")).as("a parent section").isZero();

		// A stream that asks for presence hears the count too (its own stream included).
		List<Block> events = SseClient
			.blocks(TestHttp.rawClient(), this.port, "/stream/europe?presence=true", java.util.Map.of())
			.filter((block) -> "presence".equals(block.event()))
			.filter((block) -> this.json.readTree(block.data()).get("readers").asInt() == 6)
			.take(1)
			.collectList()
			.block(WITHIN);
		JsonNode presence = this.json.readTree(events.get(0).data());
		assertThat(presence.get("section").asString()).isEqualTo("europe");
		assertThat(events.get(0).field("id")).as("presence events carry no id").isNull();

		this.second.destroyForcibly();
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(readers(this.port, "/api/sections/europe/presence")).isEqualTo(2));
		assertThat(readers(this.port, "/api/presence")).isZero();
	}

	@Test
	void unknownSectionIs404AndABadPresenceIs400() {
		TestHttp.server(this.port)
			.get()
			.uri("/api/sections/atlantis/presence")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
		TestHttp.server(this.port)
			.get()
			.uri("/stream?presence=maybe")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json");
	}

	private void open(int port, String path, int count) {
		for (int i = 0; i < count; i++) {
			this.streams.add(SseClient.blocks(port, path).subscribe());
		}
	}

	private int readers(int port, String path) {
		WebTestClient client = TestHttp.server(port);
		byte[] body = client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body).get("readers").asInt();
	}

}
