package news.herald.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A feed response as tests look at it. */
record FeedFetch(int status, HttpHeaders headers, byte[] body) {

	static FeedFetch get(WebTestClient client, String uri) {
		return get(client, uri, (headers) -> {
		});
	}

	static FeedFetch get(WebTestClient client, String uri, Consumer<HttpHeaders> headers) {
		// Feeds in the shared test context can carry the hostile two-megabyte article.
		EntityExchangeResult<byte[]> result = client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.get()
			.uri(uri)
			.headers(headers)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		byte[] body = result.getResponseBody();
		return new FeedFetch(result.getStatus().value(), result.getResponseHeaders(),
				(body != null) ? body : new byte[0]);
	}

	/**
	 * Polls until the feed satisfies the condition; the relay delivers asynchronously.
	 */
	static FeedFetch await(WebTestClient client, String uri, Predicate<FeedFetch> condition) {
		FeedFetch[] last = new FeedFetch[1];
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> condition.test(last[0] = get(client, uri)));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			FeedFetch seen = last[0];
			throw new AssertionError("Gave up waiting for " + uri + "; last response: "
					+ ((seen != null) ? seen.status() + " " + seen.headers() : "none"), ex);
		}
		return last[0];
	}

	String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	FeedXml xml() {
		return FeedXml.parse(this.body);
	}

	String etag() {
		return this.headers.getETag();
	}

}
