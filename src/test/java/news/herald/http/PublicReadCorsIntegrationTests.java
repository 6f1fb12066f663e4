package news.herald.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public read is readable from a page on another origin, a web feed reader's
 * included: {@code Access-Control-Allow-Origin: *} on the answer (a 200, a 304 or a
 * refusal), whether or not the request named an origin, and a read's preflight answered
 * whatever conditional headers it announces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=http-hardening")
@AutoConfigureWebTestClient
class PublicReadCorsIntegrationTests {

	private static final String READER = "https://reader.example";

	@Autowired
	WebTestClient client;

	@ParameterizedTest
	@ValueSource(
			strings = { "/feeds/rss.xml", "/feeds/world/atom.xml", "/feeds/europe/feed.json", "/feeds/rss.xml?limit=5",
					"/feeds.opml", "/api/articles", "/api/sections", "/api/presence", "/api/sections/world/presence" })
	void readsAndTheir304sAreOpenToEveryOrigin(String path) {
		// Twice: the second feed request is answered by the fast path, from the cache.
		for (int i = 0; i < 2; i++) {
			EntityExchangeResult<byte[]> read = this.client.get()
				.uri(path)
				.header(HttpHeaders.ORIGIN, READER)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
			assertOpen(read);
			String etag = read.getResponseHeaders().getETag();
			if (etag != null) {
				assertOpen(this.client.get()
					.uri(path)
					.header(HttpHeaders.ORIGIN, READER)
					.header(HttpHeaders.IF_NONE_MATCH, etag)
					.exchange()
					.expectStatus()
					.isNotModified()
					.expectBody()
					.returnResult());
			}
		}
		// Without an Origin too: a shared cache keeps one copy for every client.
		assertOpen(this.client.get().uri(path).exchange().expectBody().returnResult());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/sport/rss.xml", "/feeds/world/rss.json", "/feeds/rss.xml?limit=0",
			"/api/articles/no-such-article", "/api/articles?limit=nine", "/stream/atlantis" })
	void refusedReadsAreReadableToo(String path) {
		EntityExchangeResult<byte[]> refused = this.client.get()
			.uri(path)
			.header(HttpHeaders.ORIGIN, READER)
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectBody()
			.returnResult();
		assertOpen(refused);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/rss.xml", "/feeds/world/atom.xml", "/feeds.opml", "/api/articles",
			"/api/articles/some-slug", "/api/sections", "/stream", "/stream/world" })
	void readPreflightsWithConditionalHeadersAreAnswered(String path) {
		for (String method : new String[] { "GET", "HEAD" }) {
			this.client.options()
				.uri(path)
				.header(HttpHeaders.ORIGIN, READER)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match, if-modified-since, last-event-id")
				.exchange()
				.expectStatus()
				.is2xxSuccessful()
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.expectHeader()
				.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
						(allowed) -> assertThat(allowed.toLowerCase()).contains("if-none-match")
							.contains("if-modified-since")
							.contains("last-event-id"))
				.expectHeader()
				.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (allowed) -> assertThat(allowed).contains(method));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/articles", "/api/articles/some-id" })
	void writePreflightsKeepTheWriteOrigins(String path) {
		this.client.options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, READER)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private static void assertOpen(EntityExchangeResult<byte[]> result) {
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(result.getUrl() + " allow-origin")
			.isEqualTo("*");
		assertThat(headers.getFirst(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).as(result.getUrl() + " expose")
			.contains("ETag")
			.contains("Link")
			.contains("Retry-After");
	}

}
