package news.herald.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPInputStream;

import org.brotli.dec.BrotliInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validators, conditional GET, compression and HEAD: what makes a feed cheap to poll and
 * never stale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedConditionalIntegrationTests {

	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@BeforeEach
	void rawClient() {
		// Spring's default connector asks for and decodes gzip itself; these tests look
		// at the bytes on the wire.
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(TestHttp.rawClient()))
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void ifNoneMatchWithTheCurrentEtagIs304WithoutBody() {
		for (FeedFormat format : FeedFormat.values()) {
			String uri = "/feeds/world/" + format.fileName();
			FeedFetch first = FeedFetch.get(this.client, uri);
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.etag()).startsWith("\"");
			assertThat(first.headers().getCacheControl())
				.isEqualTo("public, max-age=60, stale-while-revalidate=300, stale-if-error=86400");
			assertThat(first.headers().getVary()).containsExactly("Accept-Encoding");
			FeedFetch again = FeedFetch.get(this.client, uri, (h) -> h.setIfNoneMatch(first.etag()));
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.body()).isEmpty();
			assertThat(again.etag()).isEqualTo(first.etag());
			assertThat(again.headers().getCacheControl()).isEqualTo(first.headers().getCacheControl());
		}
	}

	@Test
	void gzipRepresentationHasItsOwnEtagAndRevalidatesToo() {
		FeedFetch plain = FeedFetch.get(this.client, "/feeds/rss.xml");
		FeedFetch gzip = FeedFetch.get(this.client, "/feeds/rss.xml", (h) -> h.set("Accept-Encoding", "gzip"));
		assertThat(gzip.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gzip.etag()).isNotEqualTo(plain.etag());
		FeedFetch revalidated = FeedFetch.get(this.client, "/feeds/rss.xml", (h) -> {
			h.set("Accept-Encoding", "gzip");
			h.set("If-None-Match", "W/" + gzip.etag());
		});
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.etag()).isEqualTo(gzip.etag());
	}

	@Test
	void compressedResponsesDecodeToTheSameBytes() {
		for (FeedFormat format : FeedFormat.values()) {
			String uri = "/feeds/" + format.fileName();
			FeedFetch plain = FeedFetch.get(this.client, uri);
			FeedFetch gzip = FeedFetch.get(this.client, uri, (h) -> h.set("Accept-Encoding", "deflate, gzip;q=0.8"));
			assertThat(plain.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
			assertThat(gzip.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
			assertThat(gzip.headers().getContentLength()).isEqualTo(gzip.body().length);
			assertThat(gzip.body().length).isLessThan(plain.body().length);
			assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
			FeedFetch brotli = FeedFetch.get(this.client, uri,
					(h) -> h.set("Accept-Encoding", "gzip, deflate, br, zstd"));
			assertThat(brotli.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");
			assertThat(brotli.headers().getContentLength()).isEqualTo(brotli.body().length);
			assertThat(brotli.body().length).isLessThan(gzip.body().length);
			assertThat(unbrotli(brotli.body())).isEqualTo(plain.body());
			FeedFetch refused = FeedFetch.get(this.client, uri, (h) -> h.set("Accept-Encoding", "gzip;q=0, br;q=0"));
			assertThat(refused.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
			assertThat(refused.body()).isEqualTo(plain.body());
			FeedFetch preferred = FeedFetch.get(this.client, uri, (h) -> h.set("Accept-Encoding", "br;q=0.5, gzip"));
			assertThat(preferred.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		}
	}

	@Test
	void brotliRepresentationHasItsOwnEtagAndRevalidatesToo() {
		FeedFetch gzip = FeedFetch.get(this.client, "/feeds/world/atom.xml", (h) -> h.set("Accept-Encoding", "gzip"));
		FeedFetch brotli = FeedFetch.get(this.client, "/feeds/world/atom.xml", (h) -> h.set("Accept-Encoding", "br"));
		assertThat(brotli.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");
		assertThat(brotli.headers().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(brotli.etag()).isNotEqualTo(gzip.etag());
		FeedFetch revalidated = FeedFetch.get(this.client, "/feeds/world/atom.xml", (h) -> {
			h.set("Accept-Encoding", "br");
			h.set("If-None-Match", brotli.etag());
		});
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.etag()).isEqualTo(brotli.etag());
		assertThat(revalidated.body()).isNullOrEmpty();
	}

	@Test
	void headAnswersWithTheHeadersOfGet() {
		FeedFetch get = FeedFetch.get(this.client, "/feeds/europe/atom.xml");
		var head = this.client.head()
			.uri("/feeds/europe/atom.xml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(head.getResponseBody()).isNullOrEmpty();
		assertThat(head.getResponseHeaders().getETag()).isEqualTo(get.etag());
		assertThat(head.getResponseHeaders().getFirst("Content-Length")).isEqualTo(String.valueOf(get.body().length));
		assertThat(head.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/atom+xml;charset=utf-8");
	}

	@Test
	void ifModifiedSinceIs304OnceTheLastModifiedIsHandedOut() {
		// Last-Modified appears once the second of the newest change has passed.
		FeedFetch settled = FeedFetch.await(this.client, "/feeds/americas/rss.xml",
				(feed) -> feed.headers().getFirst(HttpHeaders.LAST_MODIFIED) != null);
		String lastModified = settled.headers().getFirst(HttpHeaders.LAST_MODIFIED);
		FeedFetch same = FeedFetch.get(this.client, "/feeds/americas/rss.xml",
				(h) -> h.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified));
		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		String earlier = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));
		FeedFetch older = FeedFetch.get(this.client, "/feeds/americas/rss.xml",
				(h) -> h.set(HttpHeaders.IF_MODIFIED_SINCE, earlier));
		assertThat(older.status()).isEqualTo(200);
	}

	@Test
	void aPublishChangesBothValidatorsAndTheOldOnesGetTheNewFeed() {
		String uri = "/feeds/americas/atom.xml";
		FeedFetch before = FeedFetch.await(this.client, uri,
				(feed) -> feed.headers().getFirst(HttpHeaders.LAST_MODIFIED) != null);
		String lastModified = before.headers().getFirst(HttpHeaders.LAST_MODIFIED);
		Article article = new Newsroom(this.context)
			.publish(Newsroom.draft(Newsroom.unique("conditional"), "americas", "Election night"));
		FeedFetch after = FeedFetch.await(this.client, uri, (feed) -> feed.text().contains(article.id().toString()));
		assertThat(after.etag()).isNotEqualTo(before.etag());
		FeedFetch oldEtag = FeedFetch.get(this.client, uri, (h) -> h.setIfNoneMatch(before.etag()));
		assertThat(oldEtag.status()).isEqualTo(200);
		assertThat(oldEtag.text()).contains(article.id().toString());
		FeedFetch oldDate = FeedFetch.get(this.client, uri, (h) -> h.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified));
		assertThat(oldDate.status()).isEqualTo(200);
		assertThat(oldDate.text()).contains(article.id().toString());
		// The outlet and the parent section changed too; a sibling section did not.
		FeedFetch sibling = FeedFetch.get(this.client, "/feeds/europe/atom.xml");
		FeedFetch siblingAgain = FeedFetch.get(this.client, "/feeds/europe/atom.xml",
				(h) -> h.setIfNoneMatch(sibling.etag()));
		assertThat(siblingAgain.status()).isEqualTo(304);
		assertThat(FeedFetch.get(this.client, "/feeds/world/atom.xml").text()).contains(article.id().toString());
	}

	static byte[] unbrotli(byte[] brotli) {
		try (BrotliInputStream in = new BrotliInputStream(new ByteArrayInputStream(brotli))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] gunzip(byte[] gzip) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
