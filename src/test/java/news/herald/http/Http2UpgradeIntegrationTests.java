package news.herald.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.article.PublishingFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With HTTP/2 on: Java's HttpClient asks to upgrade every request to h2c, a POST with its
 * body included; the write must still go through, and the answer come back over HTTP/2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=http2-upgrade", "server.http2.enabled=true" })
class Http2UpgradeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aWriteThatAsksForAnH2cUpgradeIsPublished() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String body = this.json.writeValueAsString(PublishingFixtures.article("world"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/articles"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + PublishingFixtures.EDITOR_KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(this.json.readTree(response.body()).get("section").asString()).isEqualTo("world");
	}

}
