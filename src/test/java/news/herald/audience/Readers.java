package news.herald.audience;

import java.time.LocalDate;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Feed readers for the audience tests: each request names its client by
 * {@code X-Forwarded-For} (the tests trust loopback as a proxy) and {@code User-Agent}.
 */
final class Readers {

	static final String EDITOR_KEY = "test-editor-key";

	static final String WORLD_DESK_KEY = "test-world-desk-key";

	static final String TRUST_LOOPBACK = "herald.http.trusted-proxies=127.0.0.1,::1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Readers() {
	}

	/** Fetches a feed as a client, answering with the status. */
	static int fetch(WebTestClient client, String path, String address, String userAgent) {
		return client.get()
			.uri(path)
			.header("X-Forwarded-For", address)
			.header("User-Agent", userAgent)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

	/** The ETag a feed has now, fetched as a client. */
	static String etag(WebTestClient client, String path, String address, String userAgent) {
		return client.get()
			.uri(path)
			.header("X-Forwarded-For", address)
			.header("User-Agent", userAgent)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
	}

	/** Fetches a feed conditionally as a client: a 304 when it has not changed. */
	static int revalidate(WebTestClient client, String path, String etag, String address, String userAgent) {
		return client.get()
			.uri(path)
			.header("X-Forwarded-For", address)
			.header("User-Agent", userAgent)
			.header("If-None-Match", etag)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

	/** Writes an instance's counts now, as its timer would. */
	static void flush(ApplicationContext context) {
		context.getBean(AudienceFlush.class).flush().block();
	}

	/** The audience API's answer for a scope, today, with the editor's key. */
	static JsonNode audience(WebTestClient client, String scope) {
		byte[] body = client.get()
			.uri("/api/audience?scope={scope}", scope)
			.header("Authorization", "Bearer " + EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body);
	}

	/** The last day of the one feed of a scope the API lists. */
	static JsonNode today(JsonNode report, String path) {
		for (JsonNode feed : report.get("feeds")) {
			if (feed.get("path").asString().equals(path)) {
				JsonNode days = feed.get("days");
				JsonNode last = days.get(days.size() - 1);
				if (!last.get("day").asString().equals(LocalDate.now(ZoneOffset.UTC).toString())) {
					throw new AssertionError("the last day is not today: " + last);
				}
				return last;
			}
		}
		throw new AssertionError("no feed " + path + " in " + report);
	}

}
