package news.herald.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths and parameters a client got wrong get a 400 problem whose detail says what was
 * wrong, and a parameter means the same on every endpoint: at most once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=http-hardening")
class RequestRulesIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/feeds;x/rss.xml", "/feeds/rss.xml;jsessionid=1", "/api/articles;x=1", "//feeds/rss.xml",
			"/feeds//rss.xml", "/api//articles", "/feeds/../feeds/rss.xml", "/feeds/world/..",
			"/api/articles/../sections", "/feeds/%2e%2e/rss.xml", "/feeds/%2E%2E/world/rss.xml", "/api/articles/%2e%2e",
			"/feeds%2Frss.xml", "/feeds/world%2frss.xml", "/api/articles%2F1", "/feeds/%5c/rss.xml",
			"/feeds/./rss.xml" })
	void traversalLookingPathsAre400ProblemsThatSayWhy(String path) throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", path);
		assertThat(response).as(path).isNotNull();
		assertThat(response.status()).as(path).isEqualTo(400);
		JsonNode problem = problem(response, path);
		assertThat(problem.get("title").asString()).isEqualTo("Request rejected");
		assertThat(problem.get("detail").asString()).as(path).contains("path").contains("/feeds/rss.xml");
	}

	@ParameterizedTest
	@CsvSource({ "/feeds/rss.xml?limit=5&limit=6, limit", "/feeds/world/atom.xml?cursor=1&limit=3&cursor=1, cursor",
			"/feeds.opml?x=1&x=2, x", "/api/articles?limit=5&limit=6, limit", "/api/articles?cursor=1&cursor=2, cursor",
			"/api/articles?section=world&section=europe, section", "/stream?backfill=1&backfill=2, backfill",
			"/stream?sections=world&sections=europe, sections",
			"/stream/world?lastEventId=1&lastEventId=2, lastEventId", "/api/sections?limit=1&limit=1, limit" })
	void aRepeatedParameterIs400NamingItOnEveryEndpoint(String target, String parameter) throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", target, "Accept: */*");
		assertThat(response.status()).as(target).isEqualTo(400);
		JsonNode problem = problem(response, target);
		assertThat(problem.get("title").asString()).isEqualTo("Invalid parameter '" + parameter + "'");
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.get("detail").asString()).contains("at most once");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/rss.xml?limit=5", "/api/articles?limit=5", "/feeds/rss.xml?limit=5&cursor=" })
	void aParameterGivenOnceIsRead(String target) throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", target);
		assertThat(response.status()).as(target).isIn(200, 400);
		if (response.status() == 400) {
			assertThat(problem(response, target).get("parameter").asString()).isEqualTo("cursor");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/rss.xml?limit=5&limit=6" })
	void aFeedReaderThatTakesNoJsonReadsTheRefusalAsText(String target) throws Exception {
		RawHttp.Response response = RawHttp.send(this.port, "GET", target, "Accept: application/rss+xml");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("content-type")).startsWith("text/plain");
		assertThat(response.body()).contains("limit is given 2 times");
	}

	private static JsonNode problem(RawHttp.Response response, String what) {
		assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(response.status());
		assertThat(problem.get("detail").asString()).as(what).isNotBlank();
		return problem;
	}

}
