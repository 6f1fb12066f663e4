package news.herald.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ArticleApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Test
	void sectionsListsTopLevelSectionsWithTheirSubsections() {
		this.client.get()
			.uri("/api/sections")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].slug")
			.isEqualTo("regional")
			.jsonPath("$[1].slug")
			.isEqualTo("kazakhstan")
			.jsonPath("$[1].parent")
			.isEqualTo("regional")
			.jsonPath("$[2].slug")
			.isEqualTo("world")
			.jsonPath("$.length()")
			.isEqualTo(7);
	}

	@Test
	void listsNewestFirstWithDefaultLimitOfTwenty() {
		// Newest means last published: this test's 21 articles come before everything
		// else.
		List<String> published = publish(21);
		List<Map<String, Object>> page = page("/api/articles").articles();
		assertThat(page).extracting((a) -> a.get("id"))
			.containsExactlyElementsOf(newestFirst(published).subList(0, 20));
	}

	@Test
	void pagingWithTheCursorWalksEveryArticleOnce() {
		List<String> published = publish(8);
		List<Object> seen = walk(7);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen.subList(0, published.size())).containsExactlyElementsOf(newestFirst(published));
		// Small pages see what large pages see: nothing skipped, nothing twice.
		assertThat(seen).containsExactlyElementsOf(walk(200));
		// The demo newsroom's 21 articles and this test's.
		assertThat(seen.size()).isGreaterThanOrEqualTo(21 + published.size());
	}

	private List<Object> walk(int limit) {
		List<Object> seen = new ArrayList<>();
		String uri = "/api/articles?limit=" + limit;
		int pages = 0;
		while (uri != null && pages++ < 100) {
			Page page = page(uri);
			page.articles().forEach((a) -> seen.add(a.get("id")));
			uri = (page.nextCursor() != null) ? "/api/articles?limit=" + limit + "&cursor=" + page.nextCursor() : null;
		}
		return seen;
	}

	/** Publishes articles across the desks, returning their ids in publishing order. */
	private List<String> publish(int count) {
		String[] desks = { "world", "kazakhstan", "russia", "europe", "regional" };
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.client.post()
				.uri("/api/articles")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + PublishingFixtures.EDITOR_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.json.writeValueAsString(PublishingFixtures.article(desks[i % desks.length])))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.get("id")
				.asString());
		}
		return ids;
	}

	private static List<String> newestFirst(List<String> published) {
		List<String> ids = new ArrayList<>(published);
		Collections.reverse(ids);
		return ids;
	}

	@Test
	void parentSectionIncludesItsSubsections() {
		List<Map<String, Object>> world = page("/api/articles?section=world&limit=200").articles();
		Set<Object> sections = new HashSet<>();
		world.forEach((a) -> sections.add(a.get("section")));
		assertThat(sections).contains("middle-east", "russia")
			.isSubsetOf("world", "russia", "middle-east", "europe", "americas");
		List<Map<String, Object>> russia = page("/api/articles?section=russia&limit=200").articles();
		assertThat(russia).isNotEmpty().allSatisfy((a) -> assertThat(a.get("section")).isEqualTo("russia"));
		assertThat(world.size()).isGreaterThan(russia.size());
	}

	@Test
	void articleByIdAndBySlugCarriesAnEtagOfItsVersion() {
		Map<String, Object> first = page("/api/articles?limit=1").articles().get(0);
		this.client.get()
			.uri("/api/articles/{id}", first.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"" + first.get("version") + "\"")
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo(first.get("slug"))
			.jsonPath("$.status")
			.isEqualTo("published")
			.jsonPath("$.contentHash")
			.doesNotExist();
		this.client.get()
			.uri("/api/articles/{slug}", first.get("slug"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first.get("id"));
	}

	@Test
	void fullDemoArticleKeepsPhotoCreditAndSource() {
		this.client.get()
			.uri("/api/articles/syrian-president-al-sharaa-to-meet-putin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.image.credit")
			.isEqualTo("Government of the Russian Federation via government.ru")
			.jsonPath("$.image.license")
			.isEqualTo("CC BY 4.0")
			.jsonPath("$.source.name")
			.isEqualTo("Novaya Gazeta Europe")
			.jsonPath("$.tags.length()")
			.isEqualTo(5)
			.jsonPath("$.publishedAt")
			.isEqualTo("2025-10-14T09:30:00Z");
	}

	@Test
	void unknownArticleIs404Problem() {
		expectProblem("/api/articles/no-such-article", 404);
		expectProblem("/api/articles/00000000-0000-0000-0000-000000000000", 404);
	}

	@Test
	void unknownSectionIs404Problem() {
		expectProblem("/api/articles?section=atlantis", 404).jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("atlantis"));
	}

	@Test
	void badParametersAre400Problems() {
		expectProblem("/api/articles?limit=abc", 400).jsonPath("$.parameter").isEqualTo("limit");
		expectProblem("/api/articles?limit=100000", 400).jsonPath("$.parameter").isEqualTo("limit");
		expectProblem("/api/articles?limit=0", 400).jsonPath("$.parameter").isEqualTo("limit");
		expectProblem("/api/articles?cursor=xyz", 400).jsonPath("$.parameter").isEqualTo("cursor");
		expectProblem("/api/articles?cursor=99999999999", 400).jsonPath("$.parameter").isEqualTo("cursor");
		expectProblem("/api/articles?cursor=-3", 400).jsonPath("$.parameter").isEqualTo("cursor");
	}

	private WebTestClient.BodyContentSpec expectProblem(String uri, int status) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	private Page page(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Page.class)
			.returnResult()
			.getResponseBody();
	}

	record Page(List<Map<String, Object>> articles, String nextCursor) {

	}

}
