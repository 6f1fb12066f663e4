package news.herald.websub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Herald's own hub, through the scenarios of the websub.rocks hub tests (100 typical
 * subscription, 101 with a secret, 102 extra parameters, 103 re-subscribe before expiry,
 * 104 unsubscribe, content distribution) plus a failing verification, lease expiry, bad
 * topics and retries, against a subscriber on loopback. Loopback callbacks are allowed
 * here; the default refuses them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.http.base-url=https://herald.test", "herald.publishing.demo-content=false",
				"herald.websub.allow-private-callbacks=true", "herald.websub.min-lease=1s",
				"herald.websub.delivery-first-backoff=100ms", "herald.websub.delivery-max-backoff=400ms",
				"herald.websub.poll-interval=200ms", "herald.websub.max-subscriptions-per-topic=3" })
@AutoConfigureWebTestClient
class HubIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String BASE = "https://herald.test";

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
	void typicalSubscriptionIsVerifiedAndReceivesTheFeedWithItsLinks() {
		String topic = BASE + "/feeds/kazakhstan/atom.xml";
		String name = Hub.unique("typical");
		// 102: parameters the hub does not know are ignored.
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name), "hub.unknown", "x", "foo", "bar"))
			.expectStatus()
			.isAccepted();
		Map<String, String> verification = awaitVerification(name, 1);
		assertThat(verification).containsEntry("hub.mode", "subscribe")
			.containsEntry("hub.topic", topic)
			.containsEntry("hub.lease_seconds", "864000")
			.containsKey("hub.challenge");
		assertThat(verification.get("hub.challenge")).hasSizeGreaterThanOrEqualTo(16);
		awaitSubscribed(topic, subscriber.callback(name));

		String title = Hub.publish(this.context, "kazakhstan", Hub.unique("Typical"));
		LoopbackSubscriber.Received received = awaitDeliveryOf(name, title);
		assertThat(received.headers().get("content-type")).startsWith("application/atom+xml");
		assertThat(received.headers().get("link")).contains("<" + BASE + "/websub>; rel=\"hub\"")
			.contains("<" + topic + ">; rel=\"self\"");
		assertThat(received.headers()).doesNotContainKey("x-hub-signature");
		assertThat(Hub.xpath(received.body(), "/*[local-name()='feed']/*[local-name()='link'][@rel='hub']/@href"))
			.containsExactly(BASE + "/websub");
	}

	@Test
	void aSecretSignsEveryDeliveryWithHmacSha256() throws Exception {
		String topic = BASE + "/feeds/kazakhstan/rss.xml";
		String name = Hub.unique("secret");
		String secret = "a subscriber's secret";
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name), "hub.secret", secret))
			.expectStatus()
			.isAccepted();
		awaitSubscribed(topic, subscriber.callback(name));
		String title = Hub.publish(this.context, "kazakhstan", Hub.unique("Signed"));
		LoopbackSubscriber.Received received = awaitDeliveryOf(name, title);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(received.headers().get("x-hub-signature"))
			.isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));
		assertThat(Hub.xpath(received.body(), "/rss/channel/item/title")).contains(title);
	}

	@Test
	void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed() {
		String topic = BASE + "/feeds/regional/feed.json";
		String name = Hub.unique("refuses");
		subscriber.refuseVerification(name);
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name))).expectStatus().isAccepted();
		awaitVerification(name, 1);
		Hub.publish(this.context, "regional", Hub.unique("Unverified"));
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriber.deliveries(name)).isEmpty());
		assertThat(subscriptions())
			.noneSatisfy((s) -> assertThat(s.get("callback").asString()).isEqualTo(subscriber.callback(name)));
	}

	@Test
	void unsubscribeIsVerifiedAndEndsDistribution() {
		String topic = BASE + "/feeds/regional/atom.xml";
		String name = Hub.unique("leaving");
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name))).expectStatus().isAccepted();
		awaitSubscribed(topic, subscriber.callback(name));
		Hub.send(this.client, Hub.form("unsubscribe", topic, subscriber.callback(name))).expectStatus().isAccepted();
		Map<String, String> verification = awaitVerification(name, 2);
		assertThat(verification).containsEntry("hub.mode", "unsubscribe")
			.containsEntry("hub.topic", topic)
			.containsKey("hub.challenge")
			.doesNotContainKey("hub.lease_seconds");
		Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriptions())
				.noneSatisfy((s) -> assertThat(s.get("callback").asString()).isEqualTo(subscriber.callback(name))));
		Hub.publish(this.context, "regional", Hub.unique("After leaving"));
		Awaitility.await()
			.during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriber.deliveries(name)).isEmpty());
	}

	@Test
	void aLeaseExpiresAndAResubscribeRenewsTheSameSubscription() {
		String topic = BASE + "/feeds/regional/rss.xml";
		String name = Hub.unique("lease");
		String callback = subscriber.callback(name);
		Hub.send(this.client, Hub.form("subscribe", topic, callback, "hub.lease_seconds", "3"))
			.expectStatus()
			.isAccepted();
		assertThat(awaitVerification(name, 1)).containsEntry("hub.lease_seconds", "3");
		awaitSubscribed(topic, callback);
		Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriptions())
				.noneSatisfy((s) -> assertThat(s.get("callback").asString()).isEqualTo(callback)));
		Hub.publish(this.context, "regional", Hub.unique("While expired"));
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(subscriber.deliveries(name)).isEmpty());

		// 103: subscribing again, twice, renews one subscription rather than adding two.
		Hub.send(this.client, Hub.form("subscribe", topic, callback, "hub.lease_seconds", "600"))
			.expectStatus()
			.isAccepted();
		awaitVerification(name, 2);
		Hub.send(this.client, Hub.form("subscribe", topic, callback, "hub.lease_seconds", "900"))
			.expectStatus()
			.isAccepted();
		assertThat(awaitVerification(name, 3)).containsEntry("hub.lease_seconds", "900");
		Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(
					() -> assertThat(subscriptions()).filteredOn((s) -> s.get("callback").asString().equals(callback))
						.singleElement()
						.satisfies((s) -> assertThat(s.get("leaseSeconds").asInt()).isEqualTo(900)));
		String title = Hub.publish(this.context, "regional", Hub.unique("Renewed"));
		awaitDeliveryOf(name, title);
	}

	@Test
	void aTopicThatIsNotOneOfHeraldsFeedsIsDenied() {
		String name = Hub.unique("bad-topic");
		for (String topic : List.of("https://elsewhere.test/feeds/rss.xml", BASE + "/feeds/nowhere/rss.xml",
				BASE + "/feeds/rss.xml?cursor=5", BASE + "/feeds/index.html", BASE + "/api/articles")) {
			Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name)))
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("hub.topic");
		}
		assertThat(subscriber.verifications(name)).isEmpty();
	}

	@Test
	void malformedRequestsAreRefusedWithTheParameterNamed() {
		String topic = BASE + "/feeds/world/rss.xml";
		String callback = subscriber.callback(Hub.unique("malformed"));
		Map<String, List<String>> refusals = Map.of("hub.mode", List.of("publish", ""), "hub.callback",
				List.of("ftp://127.0.0.1/cb", "/relative", "http://127.0.0.1/" + "x".repeat(2100)), "hub.secret",
				List.of("s".repeat(200)), "hub.lease_seconds", List.of("-1", "soon"));
		refusals.forEach((parameter, values) -> values.forEach((value) -> {
			var form = Hub.form("subscribe", topic, callback);
			form.set(parameter, value);
			Hub.send(this.client, form)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo(parameter);
		}));
		Hub.send(this.client, Hub.form("subscribe", topic, callback, "hub.secret", "s".repeat(199)))
			.expectStatus()
			.isAccepted();
	}

	@Test
	void aFullTopicAnswers429() {
		String topic = BASE + "/feeds/world/atom.xml";
		for (int i = 0; i < 3; i++) {
			String callback = subscriber.callback(Hub.unique("full"));
			Hub.send(this.client, Hub.form("subscribe", topic, callback)).expectStatus().isAccepted();
			awaitSubscribed(topic, callback);
		}
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(Hub.unique("one-too-many"))))
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aCallbackAnswering500ThreeTimesThen200GetsTheContent() {
		String topic = BASE + "/feeds/feed.json";
		String name = Hub.unique("flaky");
		subscriber.answerContentWith(name, 500, 500, 500, 200);
		Hub.send(this.client, Hub.form("subscribe", topic, subscriber.callback(name))).expectStatus().isAccepted();
		awaitSubscribed(topic, subscriber.callback(name));
		String title = Hub.publish(this.context, "world", Hub.unique("Eventually"));
		LoopbackSubscriber.Received received = awaitDeliveryOf(name, title);
		JsonNode feed = this.json.readTree(received.body());
		assertThat(feed.get("hubs").get(0).get("url").asString()).isEqualTo(BASE + "/websub");
		assertThat(subscriber.deliveries(name)).hasSize(1);
	}

	@Test
	void theSubscriptionListNeedsAPublisherKey() {
		this.client.get().uri("/api/websub/subscriptions").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void everyFeedAdvertisesTheHubInLinkHeaders() {
		for (String path : List.of("/feeds/rss.xml", "/feeds/world/atom.xml", "/feeds/world/feed.json?limit=5")) {
			List<String> links = this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(byte[].class)
				.getResponseHeaders()
				.get(HttpHeaders.LINK);
			assertThat(links).as(path)
				.containsExactly("<" + BASE + "/websub>; rel=\"hub\"", "<" + BASE + path + ">; rel=\"self\"");
		}
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

	private LoopbackSubscriber.Received awaitDeliveryOf(String name, String title) {
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> subscriber.deliveries(name).stream().anyMatch((r) -> r.text().contains(title)));
		return subscriber.deliveries(name).stream().filter((r) -> r.text().contains(title)).findFirst().orElseThrow();
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
		JsonNode root = this.json.readTree(body);
		List<JsonNode> list = new java.util.ArrayList<>();
		root.get("subscriptions").forEach(list::add);
		return list;
	}

}
