package news.herald.article;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/articles?q=}: PostgreSQL full-text search through the generated
 * {@code search} column and its GIN index (migration V8). Each article here carries a
 * made-up word of its own, so that what other tests publish never matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleSearchIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	final String marker = "qz" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "w");

	final List<Article> published = new ArrayList<>();

	@BeforeAll
	void publish() {
		publish("ru", "russia", "Выборы в Москве", "<p>Явка на выборах была низкой " + this.marker + "</p>");
		publish("en", "europe", "Snap election called",
				"<p>The &amp; elections <b>were</b> called " + this.marker + "</p>");
		publish("ru", "kazakhstan", "Итоги выборов", "<p>Подсчёт голосов завершён " + this.marker + "</p>");
	}

	@Test
	void findsRussianAndEnglishWordsByTheirStemNewestFirst() {
		assertThat(ids("выборы " + this.marker, "")).containsExactly(id(2), id(0));
		assertThat(ids("ELECTIONS " + this.marker, "")).containsExactly(id(1));
		assertThat(ids("голос " + this.marker, "")).containsExactly(id(2));
		assertThat(ids("nothing-like-this " + this.marker, "")).isEmpty();
	}

	@Test
	void searchesHeadlineSummaryAuthorsSourceAndTheBodysTextNotItsMarkup() {
		assertThat(ids("snap " + this.marker, "")).containsExactly(id(1));
		assertThat(ids("Seitkali " + this.marker, "")).hasSize(3);
		assertThat(ids("Novaya Gazeta " + this.marker, "")).hasSize(3);
		assertThat(ids("amp " + this.marker, "")).isEmpty();
		assertThat(ids("b " + this.marker, "")).isEmpty();
	}

	@Test
	void narrowsToASectionAndPagesWithTheCursor() {
		assertThat(ids("выборы " + this.marker, "&section=regional")).containsExactly(id(2));
		JsonNode first = page("выборы " + this.marker, "&limit=1");
		assertThat(first.path("articles").findValuesAsString("id")).containsExactly(id(2));
		String cursor = first.path("nextCursor").asString();
		JsonNode second = page("выборы " + this.marker, "&limit=1&cursor=" + cursor);
		assertThat(second.path("articles").findValuesAsString("id")).containsExactly(id(0));
		assertThat(second.path("nextCursor").isNull() || second.path("nextCursor").isMissingNode()).isTrue();
	}

	@Test
	void blankRepeatedOverlongOrUnprintableWordsAre400Problems() {
		for (String query : List.of("q=", "q=%20", "q=a&q=b", "q=" + "x".repeat(201), "q=%00x", "q=%EF%BF%BE")) {
			this.client.get()
				.uri(URI.create(base() + "/api/articles?" + query))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Invalid parameter 'q'");
		}
		assertThat(page("x".repeat(200), "").path("articles").isArray()).isTrue();
	}

	@Test
	void theSearchCanUseItsIndex() {
		// A test database is too small for the planner to choose the index by itself
		// (bench/feeds.sh shows it does on 100,000 articles): with more rows than the
		// listing index is worth and the alternatives forbidden, the repository's query
		// must be answerable from articles_search. Rolled back, statistics included.
		String plan = this.db
			.inConnection((connection) -> Mono.from(connection.beginTransaction())
				.thenMany(execute(connection, """
						insert into articles (slug, section, title, url, language, published_at, updated_at, status,
						    seq, content_hash)
						select 'search-plan-' || n, 'world', 'Filler story about the weather ' || n,
						    'https://news.example/filler/' || n, 'en', now(), now(), 'published', 900000000 + n, 'h'
						from generate_series(1, 3000) n"""))
				.thenMany(execute(connection, "analyze articles"))
				.thenMany(execute(connection, "set local enable_seqscan = off"))
				.thenMany(execute(connection, "set local enable_indexscan = off"))
				.thenMany(Flux.from(connection.createStatement("""
						explain select id from articles
						where status = 'published' and search @@ article_search_query('землетрясение')
						order by seq desc limit 21""").execute()))
				.flatMap((result) -> result.map((row, meta) -> row.get(0, String.class)))
				.collectList()
				.flatMap((lines) -> Mono.from(connection.rollbackTransaction()).thenReturn(String.join("\n", lines))))
			.block(TIMEOUT);
		assertThat(plan).contains("Bitmap Index Scan on articles_search");
	}

	private static Flux<Long> execute(io.r2dbc.spi.Connection connection, String sql) {
		return Flux.from(connection.createStatement(sql).execute()).flatMap((result) -> result.getRowsUpdated());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private void publish(String language, String section, String title, String body) {
		Instant publishedAt = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(this.published.size());
		String externalId = "search-" + this.marker + "-" + this.published.size();
		ArticleDraft draft = new ArticleDraft(externalId, null, section, title, null, body,
				"https://news.example/" + externalId, List.of("Aigerim Seitkali"), language, null, List.of("Election"),
				new Article.Source("Novaya Gazeta Europe", "https://novayagazeta.eu/"), publishedAt);
		this.published.add(this.publisher.create(draft).block(TIMEOUT).article());
	}

	private String id(int index) {
		return this.published.get(index).id().toString();
	}

	private List<String> ids(String query, String more) {
		return page(query, more).path("articles").findValuesAsString("id");
	}

	private JsonNode page(String query, String more) {
		String uri = "/api/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20") + more;
		byte[] body = this.client.get()
			.uri(URI.create(base() + uri))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

}
