package news.herald.system;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator and the orchestrator see: the probe groups on the main port, and
 * Actuator (health, info, prometheus and nothing else) on the management port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OperationsIntegrationTests {

	@Autowired
	WebTestClient client;

	@LocalManagementPort
	int managementPort;

	WebTestClient management;

	@BeforeEach
	void management() {
		this.management = TestHttp.server(this.managementPort);
	}

	@Test
	void probeGroupsAreServedOnTheMainPort() {
		JsonNode liveness = json(this.client, "/livez", 200);
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		JsonNode readiness = json(this.client, "/readyz", 200);
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(names(readiness.get("components"))).containsExactlyInAnyOrder("readinessState", "r2dbc",
				"eventRelay");
		// nothing about the database leaks through the public port
		assertThat(readiness.get("components").get("r2dbc").has("details")).isFalse();
	}

	@Test
	void livenessDoesNotDependOnTheDatabase() {
		JsonNode liveness = json(this.management, "/actuator/health/liveness", 200);
		assertThat(names(liveness.get("components"))).containsExactly("livenessState");
		JsonNode health = json(this.management, "/actuator/health", 200);
		assertThat(health.get("groups").values()).extracting(JsonNode::asString).contains("liveness", "readiness");
		assertThat(health.get("components").get("r2dbc").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("eventRelay").get("details").has("lastDeliveredEventId")).isTrue();
	}

	@Test
	void actuatorIsNotServedOnTheMainPort() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		JsonNode links = json(this.management, "/actuator", 200).get("_links");
		assertThat(names(links)).allSatisfy((name) -> assertThat(name).matches("self|health.*|info|prometheus"));
		for (String sensitive : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"mappings", "shutdown", "metrics" }) {
			this.management.get().uri("/actuator/" + sensitive).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void infoCarriesBuildAndGitData() {
		JsonNode info = json(this.management, "/actuator/info", 200);
		assertThat(info.get("build").get("artifact").asString()).isEqualTo("herald");
		assertThat(info.get("build").get("version").asString()).isNotBlank();
		// a build from a checkout has git data; a source tarball (or a Docker context)
		// has none
		if (Files.exists(Path.of(".git"))) {
			assertThat(info.get("git").get("commit").get("id").asString()).matches("[0-9a-f]{7,40}");
			assertThat(info.get("git").get("branch")).isNotNull();
		}
	}

	@Test
	void prometheusServesJvmAndHttpMetrics() {
		this.client.get().uri("/api/sections").exchange().expectStatus().isOk();
		String scrape = this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/sections\"")
			.contains("application=\"herald\"");
	}

	static JsonNode json(WebTestClient client, String path, int status) {
		byte[] body = client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return JsonMapper.shared().readTree(body);
	}

	static Set<String> names(JsonNode object) {
		return object.propertyNames().stream().collect(java.util.stream.Collectors.toSet());
	}

}
