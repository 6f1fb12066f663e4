package news.herald.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import news.herald.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3229 delta encoding ({@code A-IM: feed}), seen by an independent client (the JDK's
 * {@link HttpClient}) and parsed by the JDK's XML parser and Jackson: a reader holding an
 * older state gets {@code 226 IM Used} with only what changed since, and the full feed
 * whenever a delta could not be right.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedDeltaIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void anOlderEtagGets226WithOnlyTheEntriesPublishedOrUpdatedSince() {
		Newsroom newsroom = new Newsroom(this.context);
		Article edited = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-edited"), "americas", "Trade talks"));
		Response before = awaitEntry("/feeds/americas/atom.xml", edited);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-added"), "americas", "Storm season"));
		newsroom.update(edited, Newsroom.draft(edited.externalId(), "americas", "Trade talks resume"));
		newsroom.publish(Newsroom.draft(Newsroom.unique("delta-elsewhere"), "europe", "Not in this feed"));
		Response now = awaitEntry("/feeds/americas/atom.xml", added);
		for (FeedFormat format : FeedFormat.values()) {
			String uri = "/feeds/americas/" + format.fileName();
			Response full = get(uri);
			Response delta = get(uri, "A-IM", "feed", "If-None-Match", before.etag());
			assertThat(delta.status()).as(uri).isEqualTo(226);
			assertThat(delta.header("IM")).isEqualTo("feed");
			assertThat(delta.etag()).isEqualTo(full.etag()).isEqualTo(now.etag());
			assertThat(delta.header("Cache-Control")).isEqualTo("no-store, im");
			assertThat(vary(delta)).containsExactly("accept-encoding", "a-im", "if-none-match");
			assertThat(delta.header("Content-Type")).isEqualTo(format.contentType());
			assertThat(ids(format, delta.body())).containsExactlyInAnyOrder(itemId(added), itemId(edited));
			assertThat(ids(format, full.body())).contains(itemId(added), itemId(edited)).hasSizeGreaterThan(2);
			// The full feed's ETag now names what the client holds: a plain 304.
			Response again = get(uri, "A-IM", "feed", "If-None-Match", delta.etag());
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.header("IM")).isNull();
		}
	}

	@Test
	void aDeltaIsItselfAFeedDocument() {
		Newsroom newsroom = new Newsroom(this.context);
		Article first = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-doc"), "russia", "Harvest report"));
		Response before = awaitEntry("/feeds/russia/rss.xml", first);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-doc"), "russia", "Rail link opens"));
		awaitEntry("/feeds/russia/rss.xml", added);
		FeedXml rss = FeedXml
			.parse(get("/feeds/russia/rss.xml", "A-IM", "feed", "If-None-Match", before.etag()).body());
		assertThat(rss.text("/rss/@version")).isEqualTo("2.0");
		assertThat(rss.text("/rss/channel/title")).isNotBlank();
		assertThat(rss.text("/rss/channel/link")).isNotBlank();
		assertThat(rss.count("/rss/channel/item")).isEqualTo(1);
		assertThat(rss.text("/rss/channel/item/title")).isEqualTo("Rail link opens");
		FeedXml atom = FeedXml
			.parse(get("/feeds/russia/atom.xml", "A-IM", "feed", "If-None-Match", before.etag()).body());
		assertThat(atom.text("/atom:feed/atom:id")).isEqualTo("urn:herald:feed:section:russia");
		assertThat(atom.text("/atom:feed/atom:updated")).isNotBlank();
		assertThat(atom.count("/atom:feed/atom:entry")).isEqualTo(1);
		assertThat(atom.count("/atom:feed/atom:link[@rel='next']")).isZero();
		JsonNode feed = this.json
			.readTree(get("/feeds/russia/feed.json", "A-IM", "feed", "If-None-Match", before.etag()).body());
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("items")).hasSize(1);
		assertThat(feed.has("next_url")).isFalse();
		// Byte for byte the full feed less the entries the client already has.
		for (FeedFormat format : FeedFormat.values()) {
			String uri = "/feeds/russia/" + format.fileName();
			String full = get(uri).text();
			String delta = get(uri, "A-IM", "feed", "If-None-Match", before.etag()).text();
			switch (format) {
				case RSS -> assertThat(delta).isEqualTo(only(full, "item", added));
				case ATOM -> assertThat(delta).isEqualTo(only(full, "entry", added));
				case JSON -> {
					JsonNode expected = this.json.readTree(full);
					((tools.jackson.databind.node.ArrayNode) expected.get("items"))
						.removeIf((item) -> !item.get("id").asString().equals(itemId(added)));
					assertThat(this.json.readTree(delta)).isEqualTo(expected);
				}
			}
		}
	}

	/** The document with every entry element but the article's taken out. */
	// An entry may carry attributes (xml:lang when its language is not the feed's).
	private static String only(String document, String element, Article article) {
		Matcher entries = Pattern.compile("<" + element + "(\\s[^>]*)?>.*?</" + element + ">", Pattern.DOTALL)
			.matcher(document);
		return entries.replaceAll(
				(entry) -> entry.group().contains(itemId(article)) ? Matcher.quoteReplacement(entry.group()) : "");
	}

	@Test
	void compressedDeltasDecodeToTheSameEntries() {
		Newsroom newsroom = new Newsroom(this.context);
		Article first = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-gzip"), "middle-east", "Talks"));
		Response before = awaitEntry("/feeds/middle-east/atom.xml", first);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-gzip"), "middle-east", "Truce"));
		awaitEntry("/feeds/middle-east/atom.xml", added);
		Response plain = get("/feeds/middle-east/atom.xml", "A-IM", "feed", "If-None-Match", before.etag());
		Response gzip = get("/feeds/middle-east/atom.xml", "A-IM", "feed", "If-None-Match", before.etag(),
				"Accept-Encoding", "gzip");
		assertThat(gzip.status()).isEqualTo(226);
		assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(FeedConditionalIntegrationTests.gunzip(gzip.body())).isEqualTo(plain.body());
		Response brotli = get("/feeds/middle-east/atom.xml", "A-IM", "feed", "If-None-Match", before.etag(),
				"Accept-Encoding", "br");
		assertThat(brotli.status()).isEqualTo(226);
		assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
		assertThat(brotli.etag()).endsWith("-br\"");
		assertThat(FeedConditionalIntegrationTests.unbrotli(brotli.body())).isEqualTo(plain.body());
	}

	@Test
	void aRetractionSinceTheEtagGetsTheFullFeed() {
		Newsroom newsroom = new Newsroom(this.context);
		Article kept = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-kept"), "americas", "Kept"));
		Article gone = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-gone"), "americas", "Withdrawn"));
		Response before = awaitEntry("/feeds/americas/rss.xml", gone);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-after"), "americas", "After"));
		newsroom.retract(gone);
		awaitAbsent("/feeds/americas/rss.xml", gone);
		for (FeedFormat format : FeedFormat.values()) {
			Response full = get("/feeds/americas/" + format.fileName(), "A-IM", "feed", "If-None-Match", before.etag());
			assertFull(full, get("/feeds/americas/" + format.fileName()));
			assertThat(ids(format, full.body())).contains(itemId(kept), itemId(added)).doesNotContain(itemId(gone));
		}
	}

	@Test
	void anArticleMovedOutOfTheFeedSinceTheEtagGetsTheFullFeed() {
		Newsroom newsroom = new Newsroom(this.context);
		Article moved = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-moved"), "kazakhstan", "Budget"));
		Response before = awaitEntry("/feeds/regional/atom.xml", moved);
		newsroom.update(moved, Newsroom.draft(moved.externalId(), "europe", "Budget, seen from Brussels"));
		Response now = awaitAbsent("/feeds/regional/atom.xml", moved);
		assertFull(get("/feeds/regional/atom.xml", "A-IM", "feed", "If-None-Match", before.etag()), now);
		// The outlet still has it: there the move is an update, and a delta.
		Response outlet = get("/feeds/atom.xml", "A-IM", "feed", "If-None-Match", before.etag());
		assertThat(outlet.status()).isEqualTo(226);
		assertThat(ids(FeedFormat.ATOM, outlet.body())).contains(itemId(moved));
	}

	@Test
	void unknownForeignOrFutureEtagsGetTheFullFeed() {
		Newsroom newsroom = new Newsroom(this.context);
		Article sibling = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-sibling"), "europe", "Elsewhere"));
		Response europe = awaitEntry("/feeds/europe/atom.xml", sibling);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-foreign"), "americas", "Here"));
		Response now = awaitEntry("/feeds/americas/atom.xml", added);
		String digest = now.etag().substring(1, now.etag().lastIndexOf('-'));
		long current = eventId(now);
		List<String> refused = List.of("\"nonsense\"", "\"" + digest + "-" + (current + 1000) + "\"",
				"\"0123abcd-" + (current - 1) + "\"", "\"" + digest + "-0\"",
				// europe's state is not one the americas feed ever had
				europe.etag());
		for (String etag : refused) {
			assertFull(get("/feeds/americas/atom.xml", "A-IM", "feed", "If-None-Match", etag), now);
		}
		// "*" names any current representation: a plain 304, as without A-IM.
		assertThat(get("/feeds/americas/atom.xml", "A-IM", "feed", "If-None-Match", "*").status()).isEqualTo(304);
	}

	@Test
	void theDeltaIsOnlyForTheFirstPageAndOnlyWhenAskedFor() {
		Newsroom newsroom = new Newsroom(this.context);
		Article first = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-page"), "americas", "One"));
		Response before = awaitEntry("/feeds/americas/atom.xml", first);
		Article added = newsroom.publish(Newsroom.draft(Newsroom.unique("delta-page"), "americas", "Two"));
		Response now = awaitEntry("/feeds/americas/atom.xml", added);
		assertFull(get("/feeds/americas/atom.xml", "If-None-Match", before.etag()), now);
		assertFull(get("/feeds/americas/atom.xml", "A-IM", "feed;q=0", "If-None-Match", before.etag()), now);
		assertFull(get("/feeds/americas/atom.xml", "A-IM", "vcdiff", "If-None-Match", before.etag()), now);
		Response paged = get("/feeds/americas/atom.xml?cursor=" + eventId(now), "A-IM", "feed", "If-None-Match",
				before.etag());
		assertThat(paged.status()).isEqualTo(200);
		assertThat(paged.header("IM")).isNull();
		assertThat(get("/feeds/americas/atom.xml?limit=5", "A-IM", "vcdiff, FEED", "If-None-Match", before.etag())
			.status()).isEqualTo(226);
	}

	@Test
	void anEtagTooManyEventsBehindIsTooOld() {
		FeedDelta delta = this.context.getBean(FeedDelta.class);
		String digest = this.context.getBean(FeedPages.class).settingsDigest();
		FeedKey key = new FeedKey("http://localhost", "", FeedFormat.RSS, null, 50);
		FeedStamp stamp = new FeedStamp(5000, 1, Instant.now());
		assertThat(delta.since(asking("\"" + digest + "-1-4000-gzip\""), key, stamp)).isEqualTo(4000);
		assertThat(delta.since(asking("W/\"" + digest + "-1-4000\", \"" + digest + "-1-4100-br\""), key, stamp))
			.isEqualTo(4100);
		assertThat(delta.since(asking("\"" + digest + "-1-3999\""), key, stamp)).isEqualTo(-1);
		assertThat(delta.since(asking("\"" + digest + "-1-5000\""), key, stamp)).isEqualTo(-1);
	}

	private static long eventId(Response response) {
		String etag = response.etag();
		return Long.parseLong(etag.substring(etag.lastIndexOf('-') + 1, etag.length() - 1));
	}

	private static MockServerHttpRequest asking(String ifNoneMatch) {
		return MockServerHttpRequest.get("http://localhost/feeds/rss.xml")
			.header("A-IM", "feed")
			.header("If-None-Match", ifNoneMatch)
			.build();
	}

	private static void assertFull(Response response, Response current) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("IM")).isNull();
		assertThat(response.etag()).isEqualTo(current.etag());
		assertThat(response.header("Cache-Control")).startsWith("public");
		assertThat(response.text()).isEqualTo(current.text());
	}

	private static List<String> vary(Response response) {
		List<String> vary = new ArrayList<>();
		for (String value : response.headers().allValues("Vary")) {
			for (String name : value.split(",")) {
				vary.add(name.strip().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return vary;
	}

	private Set<String> ids(FeedFormat format, byte[] body) {
		return switch (format) {
			case RSS -> new HashSet<>(FeedXml.parse(body).texts("/rss/channel/item/guid"));
			case ATOM -> new HashSet<>(FeedXml.parse(body).texts("/atom:feed/atom:entry/atom:id"));
			case JSON -> {
				Set<String> ids = new HashSet<>();
				this.json.readTree(body).get("items").forEach((item) -> ids.add(item.get("id").asString()));
				yield ids;
			}
		};
	}

	private static String itemId(Article article) {
		return "urn:uuid:" + article.id();
	}

	private Response awaitEntry(String uri, Article article) {
		return await(uri, (response) -> response.text().contains(article.id().toString()));
	}

	private Response awaitAbsent(String uri, Article article) {
		return await(uri, (response) -> !response.text().contains(article.id().toString()));
	}

	private Response await(String uri, java.util.function.Predicate<Response> condition) {
		Response[] last = new Response[1];
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> condition.test(last[0] = get(uri)));
		return last[0];
	}

	private Response get(String uri, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + uri))
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		// HTTP/1.1 as feed readers speak it, without the h2c upgrade the JDK client tries
		// by default; a new client, so a new connection, per request, as TestHttp does
		// for Reactor Netty: a pooled connection once waited here for an answer that
		// the idle server never owed it.
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Response(int status, HttpHeaders headers, byte[] body) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String etag() {
			return header("ETag");
		}

		String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
