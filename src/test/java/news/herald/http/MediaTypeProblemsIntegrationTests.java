package news.herald.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.article.PublishingFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** A write without a Content-Type is told what to send, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MediaTypeProblemsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aPostWithoutContentTypeIs415WithADetail() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (String method : new String[] { "POST", "PUT" }) {
			String path = method.equals("POST") ? "/api/articles" : "/api/articles/x";
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + PublishingFixtures.EDITOR_KEY)
				.method(method, HttpRequest.BodyPublishers.ofString("{}"))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(415);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = JsonMapper.builder().build().readTree(response.body());
			assertThat(problem.path("detail").asString()).contains("no Content-Type").contains("application/json");
		}
	}

}
