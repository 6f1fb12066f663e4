package news.herald.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
	ArticleRepository articles;

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
		List<Map<String, Object>> page = page("/api/articles").articles();
		assertThat(page).hasSize(20);
		List<Article> all = this.articles.findPublished(null, null, 1000).collectList().block(Duration.ofSeconds(5));
		assertThat(page).extracting((a) -> a.get("id"))
			.containsExactlyElementsOf(all.stream().limit(20).map((a) -> a.id().toString()).toList());
	}

	@Test
	void pagingWithTheCursorWalksEveryArticleOnce() {
		List<Object> seen = new ArrayList<>();
		String uri = "/api/articles?limit=7";
		int pages = 0;
		while (uri != null && pages++ < 100) {
			Page page = page(uri);
			page.articles().forEach((a) -> seen.add(a.get("id")));
			uri = (page.nextCursor() != null) ? "/api/articles?limit=7&cursor=" + page.nextCursor() : null;
		}
		long published = this.articles.findPublished(null, null, 10_000).count().block(Duration.ofSeconds(5));
		assertThat(seen).doesNotHaveDuplicates().hasSize((int) published);
		assertThat(published).isGreaterThanOrEqualTo(21);
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
