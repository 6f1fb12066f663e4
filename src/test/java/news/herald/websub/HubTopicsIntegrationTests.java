package news.herald.websub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.article.Article;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed is a topic: a tag's feed, a section's feed narrowed by filters (in any
 * spelling), a search; each subscriber receives exactly the events that change its feed,
 * a re-tag out of a tag included, with the feed as a GET would show it. Same settings as
 * {@link HubIntegrationTests}, so the two share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.http.base-url=https://herald.test", "herald.publishing.demo-content=false",
				"herald.websub.allow-private-callbacks=true", "herald.websub.min-lease=1s",
				"herald.websub.delivery-first-backoff=100ms", "herald.websub.delivery-max-backoff=400ms",
				"herald.websub.poll-interval=200ms", "herald.websub.max-subscriptions-per-topic=3" })
@AutoConfigureWebTestClient
class HubTopicsIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String BASE = "https://herald.test";

	static final String ATOM_TITLES = "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='title']";

	static final LoopbackSubscriber subscriber = new LoopbackSubscriber();

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@AfterAll
	static void stopSubscriber() {
		subscriber.close();
	}

	@Test
	void tagAndFilteredFeedsReceiveExactlyTheEventsThatChangeThemARetagOutIncluded() {
		String tag = Hub.unique("budget");
		// The tag exists before anyone subscribes to its feed, as a GET of it needs.
		Article seed = Hub.publish(this.context, "world", Hub.unique("Seed"), List.of(tag));
		Awaitility.await().atMost(WAIT).until(() -> feedShows("/feeds/tags/" + tag + "/atom.xml", seed.title()));

		String tagTopic = BASE + "/feeds/tags/" + tag + "/atom.xml";
		String asked = BASE + "/feeds/regional/rss.xml?lang=EN&tag=" + tag;
		String filteredTopic = BASE + "/feeds/regional/rss.xml?tag=" + tag + "&lang=en";
		String tagFeed = Hub.unique("tag-feed");
		String filtered = Hub.unique("filtered");
		Hub.send(this.client, Hub.form("subscribe", tagTopic, subscriber.callback(tagFeed)))
			.expectStatus()
			.isAccepted();
		Hub.send(this.client, Hub.form("subscribe", asked, subscriber.callback(filtered))).expectStatus().isAccepted();
		// Verification echoes the topic as asked; the subscription is kept under the
		// feed's own URL, and the other spelling renews that one subscription.
		assertThat(awaitVerification(filtered, 1)).containsEntry("hub.topic", asked);
		awaitSubscribed(tagTopic, subscriber.callback(tagFeed));
		awaitSubscribed(filteredTopic, subscriber.callback(filtered));
		Hub.send(this.client,
				Hub.form("subscribe", filteredTopic, subscriber.callback(filtered), "hub.lease_seconds", "600"))
			.expectStatus()
			.isAccepted();
		assertThat(awaitVerification(filtered, 2)).containsEntry("hub.topic", filteredTopic);
		Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriptions())
				.filteredOn((s) -> s.get("callback").asString().equals(subscriber.callback(filtered)))
				.singleElement()
				.satisfies((s) -> {
					assertThat(s.get("topic").asString()).isEqualTo(filteredTopic);
					assertThat(s.get("leaseSeconds").asInt()).isEqualTo(600);
				}));

		Article home = Hub.publish(this.context, "kazakhstan", Hub.unique("Tagged at home"), List.of(tag, "Other"));
		String untagged = Hub.publish(this.context, "kazakhstan", Hub.unique("Untagged at home"));
		Article abroad = Hub.publish(this.context, "world", Hub.unique("Tagged abroad"), List.of(tag));
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> subscriber.deliveries(tagFeed).size() >= 2 && subscriber.deliveries(filtered).size() >= 1);
		// The untagged story changed neither feed; the story abroad not the regional one.
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
			assertThat(subscriber.deliveries(tagFeed)).hasSize(2);
			assertThat(subscriber.deliveries(filtered)).hasSize(1);
		});
		List<List<String>> tagTitles = subscriber.deliveries(tagFeed)
			.stream()
			.map((received) -> Hub.xpath(received.body(), ATOM_TITLES))
			.toList();
		assertThat(tagTitles)
			.allSatisfy((titles) -> assertThat(titles).contains(home.title(), seed.title()).doesNotContain(untagged));
		assertThat(tagTitles).anySatisfy((titles) -> assertThat(titles).contains(abroad.title()));
		LoopbackSubscriber.Received regional = subscriber.deliveries(filtered).get(0);
		assertThat(regional.headers().get("content-type")).startsWith("application/rss+xml");
		assertThat(regional.headers().get("link")).contains("<" + filteredTopic + ">; rel=\"self\"");
		assertThat(Hub.xpath(regional.body(), "/rss/channel/*[local-name()='link'][@rel='self']/@href"))
			.containsExactly(filteredTopic);
		assertThat(Hub.xpath(regional.body(), "/rss/channel/item/title")).containsExactly(home.title());

		// Re-tagged out of the tag: both feeds lose the story, and both hear of it.
		Hub.retag(this.context, home, List.of("Other"));
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> subscriber.deliveries(tagFeed).size() >= 3 && subscriber.deliveries(filtered).size() >= 2);
		assertThat(Hub.xpath(subscriber.deliveries(tagFeed).get(2).body(), ATOM_TITLES))
			.contains(seed.title(), abroad.title())
			.doesNotContain(home.title());
		byte[] emptied = subscriber.deliveries(filtered).get(1).body();
		assertThat(Hub.xpath(emptied, "/rss/channel/title")).hasSize(1);
		assertThat(Hub.xpath(emptied, "/rss/channel/item/title")).isEmpty();
	}

	@Test
	void aSearchFeedIsATopicThatEveryEventChanges() {
		String word = word();
		String topic = BASE + "/feeds/search/feed.json?q=" + word;
		String name = Hub.unique("search");
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name))).expectStatus().isAccepted();
		awaitSubscribed(topic, subscriber.callback(name));
		String found = Hub.publish(this.context, "europe", "Wombats " + word + " seen");
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> subscriber.deliveries(name).stream().anyMatch((r) -> r.text().contains(found)));
		JsonNode feed = this.json.readTree(subscriber.deliveries(name)
			.stream()
			.filter((r) -> r.text().contains(found))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(feed.get("feed_url").asString()).isEqualTo(topic);
		assertThat(feed.get("items").get(0).get("title").asString()).isEqualTo(found);
		int before = subscriber.deliveries(name).size();
		String unrelated = Hub.publish(this.context, "europe", Hub.unique("Unrelated"));
		Awaitility.await().atMost(WAIT).until(() -> subscriber.deliveries(name).size() > before);
		assertThat(subscriber.deliveries(name)).noneSatisfy((r) -> assertThat(r.text()).contains(unrelated));
	}

	@Test
	void aTopicThatNoGetWouldServeIsDeniedWithTheReason() {
		String name = Hub.unique("denied");
		Map<String, String> refusals = Map.of(BASE + "/feeds/tags/no-such-tag-" + name + "/rss.xml",
				"No published article has the tag", BASE + "/feeds/rss.xml?colour=red", "is none of them",
				BASE + "/feeds/world/rss.xml?tag=A%20B", "must be a slug", BASE + "/feeds/tags/x/rss.xml?tag=y",
				"already names its tag", BASE + "/feeds/search/rss.xml", "q is required",
				BASE + "/feeds/search/rss.xml?q=x&cursor=3", "leave out cursor");
		refusals.forEach((topic, reason) -> Hub
			.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("hub.topic")
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail.substring(detail.indexOf("' is not: "))).as(topic).contains(reason)));
		assertThat(subscriber.verifications(name)).isEmpty();
	}

	private static String word() {
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	private boolean feedShows(String path, String text) {
		EntityExchangeResult<byte[]> result = this.client.get().uri(path).exchange().expectBody().returnResult();
		return result.getStatus().value() == 200 && result.getResponseBody() != null
				&& new String(result.getResponseBody(), StandardCharsets.UTF_8).contains(text);
	}

	private Map<String, String> awaitVerification(String name, int count) {
		Awaitility.await().atMost(WAIT).until(() -> subscriber.verifications(name).size() >= count);
		return subscriber.verifications(name).get(count - 1);
	}

	private void awaitSubscribed(String topic, String callback) {
		Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(subscriptions()).anySatisfy((s) -> {
			assertThat(s.get("topic").asString()).isEqualTo(topic);
			assertThat(s.get("callback").asString()).isEqualTo(callback);
		}));
	}

	private List<JsonNode> subscriptions() {
		byte[] body = this.client.get()
			.uri("/api/websub/subscriptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Hub.EDITOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		List<JsonNode> list = new ArrayList<>();
		this.json.readTree(body).get("subscriptions").forEach(list::add);
		return list;
	}

}
