package news.herald.feed;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search feeds, {@code /feeds/search/{format}?q=}: what they find (Russian and English
 * words by their stem, in every language), their credits and links, their refusals and
 * how they are cached and revalidated. Each article here carries a made-up word of its
 * own, so that what other tests publish in the shared context never matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFeedIntegrationTests {

	/** What the W3C validator accepts as a URN (its {@code rfc2396.urn_re}). */
	private static final Pattern VALIDATOR_URN = Pattern
		.compile("^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\\-]|%[0-9A-Fa-f]{2})+$");

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	Newsroom newsroom;

	/** A word no other test publishes, in every article of this class. */
	final String marker = "qx" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "k");

	Article russian;

	Article russianNewer;

	Article english;

	Article kazakh;

	@BeforeAll
	void publish() {
		this.newsroom = new Newsroom(this.context);
		this.russian = this.newsroom.publish(draft("ru", "russia", "Итоги выборов в Государственную думу",
				"<p>Наблюдатели сообщили о нарушениях на выборах " + this.marker + ".</p>"));
		this.english = this.newsroom.publish(draft("en", "europe", "The election that changed Europe",
				"<p>Turnout at the election was the highest in decades " + this.marker + ".</p>"));
		this.kazakh = this.newsroom.publish(draft("kk", "kazakhstan", "Сайлау нәтижелері",
				"<p>Орталық сайлау комиссиясы қорытындысын жариялады " + this.marker + ".</p>"));
		this.russianNewer = this.newsroom.publish(draft("ru", "russia", "Выборы губернаторов перенесли",
				"<p>Голосование пройдёт осенью " + this.marker + ".</p>"));
		FeedFetch.await(this.client, "/feeds/rss.xml",
				(feed) -> feed.text().contains(this.russianNewer.id().toString()));
	}

	@Test
	void findsRussianWordsByTheirStemNewestFirst() {
		// "выборы" (nominative) finds "выборов" and "выборах" (genitive, prepositional).
		FeedXml rss = search("rss.xml", "выборы " + this.marker).xml();
		assertThat(rss.texts("/rss/channel/item/guid")).containsExactly(itemId(this.russianNewer),
				itemId(this.russian));
	}

	@Test
	void findsEnglishWordsByTheirStem() {
		FeedXml atom = search("atom.xml", "elections " + this.marker).xml();
		assertThat(atom.texts("/atom:feed/atom:entry/atom:id")).containsExactly(itemId(this.english));
	}

	@Test
	void findsWordsOfLanguagesWithoutStemmerAsWritten() {
		JsonNode feed = this.json.readTree(search("feed.json", "САЙЛАУ " + this.marker).body());
		assertThat(feed.path("items").findValuesAsString("id")).containsExactly(itemId(this.kazakh));
	}

	@Test
	void everyWordMustMatchAndMinusExcludes() {
		assertThat(search("rss.xml", "выборы election " + this.marker).xml().count("//item")).isZero();
		assertThat(search("rss.xml", "выборы -голосование " + this.marker).xml().texts("//item/guid"))
			.containsExactly(itemId(this.russian));
		assertThat(search("rss.xml", "\"election that changed\" " + this.marker).xml().texts("//item/guid"))
			.containsExactly(itemId(this.english));
	}

	@Test
	void feedsNameTheSearchAndLinkToThemselvesWithIt() {
		String query = "выборы " + this.marker;
		String self = base() + "/feeds/search/rss.xml?q=" + encode(query);
		FeedXml rss = search("rss.xml", query).xml();
		assertThat(rss.text("/rss/channel/title")).isEqualTo("Herald — search: " + query);
		assertThat(rss.text("/rss/channel/description")).contains("“" + query + "”");
		assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href")).isEqualTo(self);
		FeedXml atom = search("atom.xml", query).xml();
		assertThat(atom.text("/atom:feed/atom:link[@rel='self']/@href"))
			.isEqualTo(base() + "/feeds/search/atom.xml?q=" + encode(query));
		// InvalidURN: the words are no URN text, the feed's id is a URN all the same.
		assertThat(atom.text("/atom:feed/atom:id")).startsWith("urn:herald:feed:search:").matches(VALIDATOR_URN);
		assertThat(atom.text("/atom:feed/atom:id"))
			.isEqualTo(search("atom.xml", query).xml().text("/atom:feed/atom:id"))
			.isNotEqualTo(search("atom.xml", "elections " + this.marker).xml().text("/atom:feed/atom:id"));
		JsonNode feed = this.json.readTree(search("feed.json", query).body());
		assertThat(feed.path("title").asString()).isEqualTo("Herald — search: " + query);
		assertThat(feed.path("feed_url").asString()).isEqualTo(base() + "/feeds/search/feed.json?q=" + encode(query));
	}

	@Test
	void pagesFollowNextWithTheWordsKept() {
		String query = "выборы " + this.marker;
		FeedXml first = search("rss.xml", query, "&limit=1").xml();
		assertThat(first.texts("//item/guid")).containsExactly(itemId(this.russianNewer));
		String next = first.text("/rss/channel/atom:link[@rel='next']/@href");
		assertThat(next).startsWith(base() + "/feeds/search/rss.xml?q=" + encode(query) + "&cursor=")
			.endsWith("&limit=1");
		FeedXml second = fetch(next.substring(base().length())).xml();
		assertThat(second.texts("//item/guid")).containsExactly(itemId(this.russian));
		assertThat(second.count("/rss/channel/atom:link[@rel='next']")).isZero();
		JsonNode json = this.json.readTree(search("feed.json", query, "&limit=1").body());
		assertThat(json.path("next_url").asString()).contains("?q=" + encode(query) + "&cursor=");
	}

	@Test
	void creditsAuthorsAndTheWireSourceInEveryFormat() {
		String query = "elections " + this.marker;
		FeedXml rss = search("rss.xml", query).xml();
		assertThat(rss.texts("//item/dc:creator")).containsExactly("Aigerim Seitkali", "John Doe");
		assertThat(rss.count("//item/author")).isZero();
		assertThat(rss.text("//item/source")).isEqualTo("Orda.kz");
		assertThat(rss.text("//item/source/@url")).isEqualTo("https://orda.kz/");
		FeedXml atom = search("atom.xml", query).xml();
		String entry = "/atom:feed/atom:entry";
		assertThat(atom.texts(entry + "/atom:author/atom:name")).containsExactly("Aigerim Seitkali", "John Doe");
		// MissingSourceElement: a source has its id, title and updated.
		assertThat(atom.text(entry + "/atom:source/atom:title")).isEqualTo("Orda.kz");
		assertThat(atom.text(entry + "/atom:source/atom:link[@rel='alternate']/@href")).isEqualTo("https://orda.kz/");
		assertThat(atom.text(entry + "/atom:source/atom:id")).matches(VALIDATOR_URN);
		assertThat(Instant.parse(atom.text(entry + "/atom:source/atom:updated"))).isEqualTo(this.english.publishedAt());
		JsonNode item = this.json.readTree(search("feed.json", query).body()).path("items").path(0);
		assertThat(item.path("authors").findValuesAsString("name")).containsExactly("Aigerim Seitkali", "John Doe");
		assertThat(item.path("_herald").path("source").path("name").asString()).isEqualTo("Orda.kz");
	}

	@Test
	void aRenderIsCachedAndRevalidatedUntilTheNextEvent() {
		String query = "губернаторов " + this.marker;
		FeedFetch first = search("atom.xml", query);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.headers().getContentType().toString()).isEqualTo("application/atom+xml;charset=utf-8");
		assertThat(first.etag()).startsWith("\"");
		FeedFetch again = search("atom.xml", query);
		assertThat(again.etag()).isEqualTo(first.etag());
		assertThat(again.body()).isEqualTo(first.body());
		FeedFetch revalidated = fetch(searchPath("atom.xml", query, ""), (h) -> h.setIfNoneMatch(first.etag()));
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		Article later = this.newsroom.publish(
				draft("ru", "russia", "Губернаторов выберут весной", "<p>Решение принято " + this.marker + ".</p>"));
		FeedFetch changed = FeedFetch.await(this.client, "/feeds/atom.xml",
				(feed) -> feed.text().contains(later.id().toString()));
		assertThat(changed.status()).isEqualTo(200);
		FeedFetch fresh = fetch(searchPath("atom.xml", query, ""), (h) -> h.setIfNoneMatch(first.etag()));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.etag()).isNotEqualTo(first.etag());
		assertThat(fresh.xml().texts("//atom:entry/atom:id")).containsExactly(itemId(later), itemId(this.russianNewer));
		this.newsroom.retract(later);
	}

	@Test
	void blankMissingRepeatedOverlongOrUnprintableWordsAre400Problems() {
		String tooLong = "а".repeat(201);
		for (String path : List.of("/feeds/search/rss.xml", "/feeds/search/rss.xml?q=",
				"/feeds/search/rss.xml?q=%20%09", "/feeds/search/atom.xml?q=%E2%80%8B",
				"/feeds/search/feed.json?q=a&q=b", "/feeds/search/rss.xml?q=" + encode(tooLong),
				"/feeds/search/rss.xml?q=%01election", "/feeds/search/rss.xml?q=%E2%80%AEelection")) {
			this.client.get()
				.uri(URI.create(base() + path))
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("q")
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).as(path).contains("q "));
		}
		assertThat(search("rss.xml", "а".repeat(200)).status()).isEqualTo(200);
		this.client.get()
			.uri(URI.create(base() + "/feeds/search/rss.json?q=election"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void headAnswersWithoutABody() {
		EntityExchangeResult<byte[]> head = this.client.head()
			.uri(URI.create(base() + searchPath("rss.xml", "выборы " + this.marker, "")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		assertThat(head.getResponseHeaders().getETag()).isNotNull();
		assertThat(head.getResponseBody()).isNullOrEmpty();
	}

	private ArticleDraft draft(String language, String section, String title, String body) {
		ArticleDraft base = Newsroom.draft(Newsroom.unique("search-" + language), section, title);
		return new ArticleDraft(base.externalId(), base.slug(), base.section(), base.title(), null, body, base.url(),
				base.authors(), language, base.image(), base.tags(), base.source(), base.publishedAt());
	}

	private FeedFetch search(String file, String query) {
		return search(file, query, "");
	}

	private FeedFetch search(String file, String query, String more) {
		FeedFetch fetched = fetch(searchPath(file, query, more));
		assertThat(fetched.status()).as(query).isEqualTo(200);
		return fetched;
	}

	private static String searchPath(String file, String query, String more) {
		return "/feeds/search/" + file + "?q=" + encode(query) + more;
	}

	private FeedFetch fetch(String path) {
		return fetch(path, (headers) -> {
		});
	}

	private FeedFetch fetch(String path, java.util.function.Consumer<HttpHeaders> headers) {
		// A URI, not a template: the words are encoded exactly once, here.
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri(URI.create(base() + path))
			.headers(headers)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		byte[] body = result.getResponseBody();
		return new FeedFetch(result.getStatus().value(), result.getResponseHeaders(),
				(body != null) ? body : new byte[0]);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static String itemId(Article article) {
		return "urn:uuid:" + article.id();
	}

}
