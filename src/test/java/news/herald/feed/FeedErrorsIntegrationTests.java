package news.herald.feed;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong sections, formats and parameters get a 4xx a person can act on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FeedErrorsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void unknownSectionIs404Problem() {
		this.client.get()
			.uri("/feeds/sport/rss.xml")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Section not found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/feeds/sport/rss.xml");
	}

	@Test
	void unknownFormatIs404Problem() {
		for (String uri : new String[] { "/feeds/world/rss.json", "/feeds/index.html", "/feeds/world" }) {
			this.client.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Feed not found");
		}
	}

	@Test
	void badLimitIs400NamingTheParameter() {
		for (String limit : new String[] { "0", "201", "ten", "-5" }) {
			this.client.get()
				.uri("/feeds/rss.xml?limit=" + limit)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("limit")
				.jsonPath("$.detail")
				.value((detail) -> assertThat((String) detail).contains("1 to 200"));
		}
	}

	@Test
	void badCursorIs400NamingTheParameter() {
		for (String cursor : new String[] { "abc", "0", "99999999999" }) {
			this.client.get()
				.uri("/feeds/world/feed.json?cursor=" + cursor)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("cursor");
		}
	}

	@Test
	void clientAcceptingOnlyXmlGetsPlainText() {
		String body = this.client.get()
			.uri("/feeds/sport/atom.xml")
			.accept(MediaType.parseMediaType("application/atom+xml"), MediaType.APPLICATION_XML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("text/plain;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).startsWith("404 Section not found: There is no section 'sport'");
	}

	@Test
	void maxLimitIsAccepted() {
		this.client.get().uri("/feeds/rss.xml?limit=200").exchange().expectStatus().isOk();
	}

}
