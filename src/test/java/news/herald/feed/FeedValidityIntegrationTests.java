package news.herald.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticleRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules the W3C Feed Validation Service ({@code w3c/feedvalidator}) checks, each
 * pinned on what Herald emits for the outlet and every section, with the demo newsroom
 * and the hostile fixtures published; the rule's name is in each test's name.
 * <p>
 * A context of its own: other feed tests publish many articles with one fixed
 * {@code publishedAt}, which would be honest duplicate {@code atom:updated} values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.publishing.release-interval=200ms")
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedValidityIntegrationTests {

	private static final String PAGE = "?limit=200";

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	DatabaseClient db;

	@Autowired
	ArticleRepository articles;

	@LocalServerPort
	int port;

	final Map<String, Article> hostile = new HashMap<>();

	final List<String> scopes = new ArrayList<>();

	Newsroom newsroom;

	/** Articles this class edits: edits in one second share an updated time honestly. */
	final List<String> edited = new ArrayList<>();

	int drafted;

	@BeforeAll
	void publishHostileArticles() {
		this.newsroom = new Newsroom(this.context);
		HostileFixtures.drafts(this.json, Instant.parse("2026-01-03T00:00:00Z"), Duration.ofMinutes(1))
			.forEach((key, draft) -> this.hostile.put(key, this.newsroom.publish(draft)));
		String last = this.hostile.get("huge").id().toString();
		FeedFetch.await(this.client, "/feeds/middle-east/rss.xml" + PAGE, (feed) -> feed.text().contains(last));
		this.scopes.add("/feeds/");
		for (JsonNode section : this.json.readTree(FeedFetch.get(this.client, "/api/sections").body())) {
			this.scopes.add("/feeds/" + section.path("slug").asString() + "/");
		}
	}

	@Test
	@DisplayName("UndefinedElement: the photo licence is media:copyright, never media:license")
	void mediaLicenceIsCopyrightNotUndefinedElement() {
		Article licensed = publishAndAwait(
				withLicense(draft("licence-url", "europe", "Photo under a licence that is a web address"),
						"https://creativecommons.org/licenses/by/4.0/"),
				"/feeds/europe/atom.xml");
		for (String scope : this.scopes) {
			for (String format : List.of("rss.xml", "atom.xml")) {
				FeedXml feed = FeedFetch.get(this.client, scope + format + PAGE).xml();
				assertThat(feed.count("//media:license")).as(scope + format).isZero();
				assertThat(feed.count("//media:content[not(media:copyright)]")).as(scope + format).isZero();
			}
		}
		FeedXml world = FeedFetch.get(this.client, "/feeds/world/rss.xml").xml();
		// The demo newsroom's photographed article is CC BY 4.0.
		assertThat(world.texts("//media:content/media:copyright")).contains("CC BY 4.0");
		for (String format : List.of("rss.xml", "atom.xml")) {
			FeedXml europe = FeedFetch.get(this.client, "/feeds/europe/" + format).xml();
			String item = (format.equals("rss.xml")) ? "/rss/channel/item[guid='" + itemId(licensed) + "']"
					: "/atom:feed/atom:entry[atom:id='" + itemId(licensed) + "']";
			assertThat(europe.text(item + "/media:content/media:copyright"))
				.isEqualTo("https://creativecommons.org/licenses/by/4.0/");
			assertThat(europe.text(item + "/media:content/media:copyright/@url"))
				.isEqualTo("https://creativecommons.org/licenses/by/4.0/");
		}
	}

	@Test
	@DisplayName("NotBlank, MissingTextualContent: Atom sends no empty summary or content, and some text per entry")
	void noEmptySummaryNotBlank() {
		for (String scope : this.scopes) {
			FeedXml atom = FeedFetch.get(this.client, scope + "atom.xml" + PAGE).xml();
			assertThat(atom.count("//atom:entry")).as(scope).isPositive();
			assertThat(atom.count("//atom:summary[normalize-space(.)='']")).as(scope).isZero();
			assertThat(atom.count("//atom:content[normalize-space(.)='']")).as(scope).isZero();
			assertThat(atom.count("//atom:subtitle[normalize-space(.)='']")).as(scope).isZero();
			assertThat(atom.count("//atom:link[@title and normalize-space(@title)='']")).as(scope).isZero();
			assertThat(atom.count("//atom:entry[not(atom:summary) and not(atom:content)]")).as(scope).isZero();
		}
		// A headline-only demo article: its headline is its text, nothing is empty.
		FeedXml kazakhstan = FeedFetch.get(this.client, "/feeds/kazakhstan/atom.xml").xml();
		String entry = "/atom:feed/atom:entry[atom:title='Kazakhstanis Send Record Transfers to Russia']";
		assertThat(kazakhstan.count(entry)).isOne();
		assertThat(kazakhstan.count(entry + "/atom:content")).isZero();
		assertThat(kazakhstan.text(entry + "/atom:summary")).isEqualTo("Kazakhstanis Send Record Transfers to Russia");
	}

	@Test
	@DisplayName("NotBlank, NeedDescriptionBeforeContent: RSS sends no empty description or content:encoded")
	void rssHasNoEmptyDescriptionAndDescriptionBeforeContentNeedDescriptionBeforeContent() {
		for (String scope : this.scopes) {
			FeedXml rss = FeedFetch.get(this.client, scope + "rss.xml" + PAGE).xml();
			assertThat(rss.count("//item")).as(scope).isPositive();
			assertThat(rss.count("//item/description[normalize-space(.)='']")).as(scope).isZero();
			assertThat(rss.count("//item/content:encoded[normalize-space(.)='']")).as(scope).isZero();
			assertThat(rss.count("//item[content:encoded and not(description)]")).as(scope).isZero();
			assertThat(rss.count("//item/content:encoded[not(preceding-sibling::description)]")).as(scope).isZero();
			assertThat(rss.count("/rss/channel/description[normalize-space(.)='']")).as(scope).isZero();
		}
		FeedXml kazakhstan = FeedFetch.get(this.client, "/feeds/kazakhstan/rss.xml").xml();
		String item = "/rss/channel/item[title='Kazakhstanis Send Record Transfers to Russia']";
		assertThat(kazakhstan.count(item)).isOne();
		assertThat(kazakhstan.count(item + "/description")).isZero();
		assertThat(kazakhstan.count(item + "/content:encoded")).isZero();
	}

	@Test
	@DisplayName("JSON Feed: content_html or content_text per item, and no empty field")
	void jsonFeedItemsHaveTextAndNoEmptyField() {
		for (String scope : this.scopes) {
			JsonNode feed = this.json.readTree(FeedFetch.get(this.client, scope + "feed.json" + PAGE).body());
			assertThat(feed.path("items").size()).as(scope).isPositive();
			for (JsonNode item : feed.path("items")) {
				String id = item.path("id").asString();
				assertThat(item.hasNonNull("content_html") || item.hasNonNull("content_text")).as(id).isTrue();
				for (String field : List.of("summary", "content_html", "content_text")) {
					if (item.has(field)) {
						assertThat(item.path(field).asString()).as(id + " " + field).isNotBlank();
					}
				}
			}
		}
	}

	@Test
	@DisplayName("Invalid HTML, ContainsRelRef: a plain-text summary is escaped into the RSS description")
	void rssDescriptionIsEscapedSummaryNotInvalidHtml() {
		Article xss = this.hostile.get("xss");
		FeedXml rss = FeedFetch.get(this.client, "/feeds/middle-east/rss.xml" + PAGE).xml();
		String description = rss.text("/rss/channel/item[guid='" + itemId(xss) + "']/description");
		// Readers render a description as HTML: what they show must be the summary as
		// written, with no element in it.
		Document shown = Jsoup.parseBodyFragment(description);
		assertThat(shown.body().children()).isEmpty();
		assertThat(shown.body().text()).isEqualTo(xss.summary());
	}

	@Test
	@DisplayName("CharacterData: RSS text spells '&' and '<' as hexadecimal references, and still says the same")
	void rssTextUsesHexadecimalReferencesCharacterData() {
		Article xss = this.hostile.get("xss");
		FeedFetch rss = FeedFetch.get(this.client, "/feeds/middle-east/rss.xml" + PAGE);
		// The RSS Best Practices Profile: readers that decode text twice cannot take
		// "&#x3C;b" for a tag.
		String text = rss.text().replaceAll("(?s)<!\\[CDATA\\[.*?]]>", "");
		assertThat(text.contains("&lt;") || text.contains("&amp;")).as("&lt; or &amp; outside CDATA").isFalse();
		assertThat(text.contains("&#x3C;script")).as("&#x3C;script in the text").isTrue();
		String item = "/rss/channel/item[guid='" + itemId(xss) + "']";
		assertThat(rss.xml().text(item + "/title")).isEqualTo(xss.title());
		assertThat(rss.xml().text(item + "/category[2]")).isEqualTo(xss.tags().get(0));
		assertThat(FeedFetch.get(this.client, "/feeds/middle-east/atom.xml" + PAGE).text().contains("&lt;script"))
			.as("Atom keeps its usual escapes")
			.isTrue();
	}

	@Test
	@DisplayName("DuplicateUpdated: no two entries of a feed share atom:updated; unedited means updated = published")
	void updatedDiffersPerEntryDuplicateUpdated() {
		for (String scope : this.scopes) {
			FeedXml atom = FeedFetch.get(this.client, scope + "atom.xml" + PAGE).xml();
			assertThat(updatedOfUnedited(atom, "//atom:entry", "atom:id")).as(scope)
				.isNotEmpty()
				.doesNotHaveDuplicates();
			FeedXml rss = FeedFetch.get(this.client, scope + "rss.xml" + PAGE).xml();
			assertThat(updatedOfUnedited(rss, "//item", "guid")).as(scope).isNotEmpty().doesNotHaveDuplicates();
		}
		// Every demo article was loaded at start-up, in one go, and never edited.
		JsonNode demo = this.json.readTree(FeedFetch.get(this.client, "/api/articles?limit=200").body());
		int unedited = 0;
		for (JsonNode article : demo.path("articles")) {
			if (article.path("version").asInt() == 1) {
				unedited++;
				assertThat(article.path("updatedAt").asString()).as(article.path("slug").asString())
					.isEqualTo(article.path("publishedAt").asString());
			}
		}
		assertThat(unedited).isGreaterThanOrEqualTo(21);
	}

	@Test
	@DisplayName("DuplicateUpdated: an edit moves updated to the edit, a release sets it to the release")
	void anEditMovesUpdatedAndAReleaseSetsIt() {
		Article published = publishAndAwait(draft("edited", "americas", "Edited later"), "/feeds/americas/atom.xml");
		assertThat(published.updatedAt()).isEqualTo(published.publishedAt());
		Instant beforeEdit = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.edited.add(itemId(published));
		Article edited = this.newsroom.update(published,
				withPublishedAt(Newsroom.draft(published.externalId(), "americas", "Edited later, corrected"),
						published.publishedAt()));
		assertThat(edited.updatedAt()).isAfterOrEqualTo(beforeEdit).isAfter(edited.publishedAt());
		String entry = "/atom:feed/atom:entry[atom:id='" + itemId(edited) + "']";
		FeedXml atom = FeedFetch
			.await(this.client, "/feeds/americas/atom.xml", (feed) -> feed.text().contains("Edited later, corrected"))
			.xml();
		assertThat(OffsetDateTime.parse(atom.text(entry + "/atom:updated")).toInstant())
			.isEqualTo(edited.updatedAt().truncatedTo(ChronoUnit.SECONDS));

		Instant embargo = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		ArticleDraft scheduled = withPublishedAt(draft("embargoed", "americas", "Under embargo"), embargo);
		Article held = this.newsroom.publish(scheduled);
		assertThat(held.updatedAt()).isEqualTo(embargo);
		// Edited under embargo: the edit moves it, but nobody has seen that version.
		this.edited.add(itemId(held));
		Article heldEdited = this.newsroom.update(held,
				withPublishedAt(Newsroom.draft(held.externalId(), "americas", "Under embargo, corrected"), embargo));
		assertThat(heldEdited.updatedAt()).isBefore(embargo);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.articles.findById(held.id()).block(Duration.ofSeconds(10)).seq() != null);
		Article released = this.articles.findById(held.id()).block(Duration.ofSeconds(10));
		assertThat(released.updatedAt()).isEqualTo(embargo);
		assertThat(released.publishedAt()).isEqualTo(embargo);
	}

	@Test
	@DisplayName("DuplicateUpdated: V5 gives stored rows never edited their published time")
	void migrationGivesUneditedRowsTheirPublishedTime() {
		Article unedited = this.newsroom.publish(draft("stored-before-v5", "russia", "Stored before V5"));
		Article edited = this.newsroom.publish(draft("edited-before-v5", "russia", "Edited"));
		this.edited.add(itemId(edited));
		edited = this.newsroom.update(edited, withPublishedAt(
				Newsroom.draft(edited.externalId(), "russia", "Edited, corrected"), edited.publishedAt()));
		// As Herald stored them before: updated_at was the moment of the insert.
		this.db.sql("update articles set updated_at = now() where id = :id")
			.bind("id", unedited.id())
			.then()
			.block(Duration.ofSeconds(10));
		this.db.sql(migration("db/migration/V5__updated_at_is_published_at_until_edited.sql"))
			.then()
			.block(Duration.ofSeconds(10));
		assertThat(this.articles.findById(unedited.id()).block(Duration.ofSeconds(10)).updatedAt())
			.isEqualTo(unedited.publishedAt());
		assertThat(this.articles.findById(edited.id()).block(Duration.ofSeconds(10)).updatedAt())
			.isEqualTo(edited.updatedAt());
	}

	@Test
	@DisplayName("SelfDoesntMatchLocation: every feed's self link is the URL it was fetched from")
	void selfLinkIsTheFeedsLocationSelfDoesntMatchLocation() {
		String base = "http://localhost:" + this.port;
		for (String scope : this.scopes) {
			FeedXml rss = FeedFetch.get(this.client, scope + "rss.xml").xml();
			assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href")).isEqualTo(base + scope + "rss.xml");
			FeedXml atom = FeedFetch.get(this.client, scope + "atom.xml").xml();
			assertThat(atom.text("/atom:feed/atom:link[@rel='self']/@href")).isEqualTo(base + scope + "atom.xml");
			JsonNode feed = this.json.readTree(FeedFetch.get(this.client, scope + "feed.json").body());
			assertThat(feed.path("feed_url").asString()).isEqualTo(base + scope + "feed.json");
		}
	}

	@Test
	@DisplayName("MissingSourceElement, InvalidURN: atom:source has id, title and updated; its id is a URN")
	void atomSourceHasIdTitleAndUpdatedMissingSourceElement() {
		// The validator's rfc2396.urn_re, which atom:id values that are URNs must match.
		String urn = "^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'\\-]|%[0-9A-Fa-f]{2})+$";
		List<String> feeds = new ArrayList<>();
		this.scopes.forEach((scope) -> feeds.add(scope + "atom.xml" + PAGE));
		feeds.add("/feeds/search/atom.xml?q=Novaya&limit=200");
		for (String uri : feeds) {
			FeedXml atom = FeedFetch.get(this.client, uri).xml();
			assertThat(atom.count("//atom:source[not(atom:id) or not(atom:title) or not(atom:updated)]")).as(uri)
				.isZero();
			assertThat(atom.texts("//atom:source/atom:id")).as(uri).allMatch((id) -> id.matches(urn));
			assertThat(atom.texts("/atom:feed/atom:id")).as(uri).allMatch((id) -> id.matches(urn));
			assertThat(atom.count("//atom:source/atom:entry")).as(uri).isZero();
		}
		// The demo newsroom's story citing Novaya Gazeta Europe, found by search too.
		FeedXml search = FeedFetch.get(this.client, "/feeds/search/atom.xml?q=Novaya&limit=200").xml();
		String entry = "//atom:entry[atom:title='Syrian President al-Sharaa to Meet Putin — Novaya Gazeta']";
		assertThat(search.text(entry + "/atom:source/atom:title")).isEqualTo("Novaya Gazeta Europe");
		assertThat(search.text(entry + "/atom:source/atom:link[@rel='alternate']/@href"))
			.isEqualTo("https://novayagazeta.eu/");
		FeedXml rss = FeedFetch.get(this.client, "/feeds/search/rss.xml?q=Novaya&limit=200").xml();
		String item = "//item[title='Syrian President al-Sharaa to Meet Putin — Novaya Gazeta']";
		assertThat(rss.text(item + "/source")).isEqualTo("Novaya Gazeta Europe");
		assertThat(rss.text(item + "/source/@url")).isEqualTo("https://novayagazeta.eu/");
		assertThat(rss.count("//item/author")).isZero();
	}

	/**
	 * A complete article published at an instant no other article of this class has:
	 * equal instants would be honest duplicate {@code atom:updated} values.
	 */
	private ArticleDraft draft(String prefix, String section, String title) {
		Instant publishedAt = Instant.parse("2026-02-01T00:00:00Z").plus(Duration.ofMinutes(this.drafted++));
		return withPublishedAt(Newsroom.draft(Newsroom.unique(prefix), section, title), publishedAt);
	}

	@Test
	@DisplayName("InvalidLanguage, InvalidXmlLang: RSS language, dc:language and Atom xml:lang are language tags")
	void languagesAreLanguageTags() {
		ArticleDraft base = draft("kazakh-edition", "kazakhstan", "Мәжіліс бюджетті қабылдады");
		publishAndAwait(new ArticleDraft(base.externalId(), null, base.section(), base.title(), base.summary(),
				base.bodyHtml(), base.url(), base.authors(), "kk-KZ", base.image(), List.of("Бюджет"), base.source(),
				base.publishedAt()), "/feeds/kazakhstan/atom.xml");
		List<String> feeds = new ArrayList<>(this.scopes);
		feeds.add("/feeds/tags/byudzhet/");
		java.util.regex.Pattern tag = java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
		for (String scope : feeds) {
			for (String query : List.of(PAGE, PAGE + "&lang=kk-kz", PAGE + "&lang=en")) {
				FeedXml rss = FeedFetch.get(this.client, scope + "rss.xml" + query).xml();
				assertThat(rss.texts("/rss/channel/language | //item/dc:language")).as(scope + query)
					.isNotEmpty()
					.allSatisfy((value) -> assertThat(value).matches(tag));
				FeedXml atom = FeedFetch.get(this.client, scope + "atom.xml" + query).xml();
				assertThat(atom.text("/atom:feed/@xml:lang")).as(scope + query).matches(tag);
				assertThat(atom.texts("//atom:entry/@xml:lang")).allSatisfy((value) -> assertThat(value).matches(tag));
				// An entry says its language only where it differs from the feed's.
				assertThat(atom.count("//atom:entry[@xml:lang = /atom:feed/@xml:lang]")).as(scope + query).isZero();
			}
		}
		FeedXml edition = FeedFetch.get(this.client, "/feeds/rss.xml?lang=kk-kz").xml();
		assertThat(edition.text("/rss/channel/language")).isEqualTo("kk-KZ");
		assertThat(edition.count("//item/dc:language")).isZero();
	}

	private Article publishAndAwait(ArticleDraft draft, String feed) {
		Article article = this.newsroom.publish(draft);
		FeedFetch.await(this.client, feed, (fetched) -> fetched.text().contains(article.id().toString()));
		return article;
	}

	/** The updated times of the entries, less those of the articles this class edits. */
	private List<String> updatedOfUnedited(FeedXml feed, String entries, String id) {
		List<String> ids = feed.texts(entries + "/" + id);
		List<String> updated = feed.texts(entries + "/atom:updated");
		assertThat(updated).hasSameSizeAs(ids);
		List<String> unedited = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!this.edited.contains(ids.get(i))) {
				unedited.add(updated.get(i));
			}
		}
		return unedited;
	}

	private static String itemId(Article article) {
		return "urn:uuid:" + article.id();
	}

	private static ArticleDraft withLicense(ArticleDraft draft, String license) {
		Article.Image image = draft.image();
		return new ArticleDraft(draft.externalId(), draft.slug(), draft.section(), draft.title(), draft.summary(),
				draft.bodyHtml(), draft.url(), draft.authors(), draft.language(),
				new Article.Image(image.url(), image.caption(), image.credit(), license), draft.tags(), draft.source(),
				draft.publishedAt());
	}

	private static ArticleDraft withPublishedAt(ArticleDraft draft, Instant publishedAt) {
		return new ArticleDraft(draft.externalId(), draft.slug(), draft.section(), draft.title(), draft.summary(),
				draft.bodyHtml(), draft.url(), draft.authors(), draft.language(), draft.image(), draft.tags(),
				draft.source(), publishedAt);
	}

	private static String migration(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
