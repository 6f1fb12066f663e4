package news.herald.websub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.herald.HeraldApplication;
import news.herald.database.EmbeddedDatabase;
import news.herald.push.PushWorker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database share the hub: subscriptions and deliveries live in
 * PostgreSQL, each event reaches each subscriber once per attempt whichever instance took
 * the write, and a delivery an instance claimed when it went away is made by the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.test.context=hub-two-instances", "herald.http.base-url=https://herald.test",
				"herald.publishing.demo-content=false", "herald.websub.allow-private-callbacks=true",
				"herald.websub.delivery-first-backoff=100ms", "herald.websub.poll-interval=200ms",
				"herald.websub.claim-lease=3s", "herald.websub.read-timeout=60s" })
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubTwoInstancesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(40);

	private static final String TOPIC = "https://herald.test/feeds/atom.xml";

	final LoopbackSubscriber subscriber = new LoopbackSubscriber();

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@Autowired
	DatabaseClient db;

	ConfigurableApplicationContext second;

	@BeforeAll
	void startSecondInstance() {
		String db = "localhost:" + this.embeddedDatabase.port() + "/postgres";
		this.second = new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.r2dbc.url=r2dbc:postgresql://" + db,
				"--spring.r2dbc.username=postgres", "--spring.flyway.url=jdbc:postgresql://" + db,
				"--spring.flyway.user=postgres", "--herald.publishing.demo-content=false",
				"--herald.http.base-url=https://herald.test", "--herald.websub.allow-private-callbacks=true",
				"--herald.websub.delivery-first-backoff=100ms", "--herald.websub.poll-interval=200ms",
				"--herald.websub.claim-lease=3s", "--herald.websub.read-timeout=60s");
	}

	@AfterAll
	void stop() {
		if (this.second != null) {
			this.second.close();
		}
		this.subscriber.close();
	}

	@Test
	@Order(1)
	void eachEventReachesEachSubscriberOncePerAttemptAcrossInstances() throws InterruptedException {
		List<String> names = List.of(Hub.unique("one"), Hub.unique("two"), Hub.unique("three"));
		for (String name : names) {
			Hub.send(this.client, Hub.form("subscribe", TOPIC, this.subscriber.callback(name)))
				.expectStatus()
				.isAccepted();
		}
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> names.stream().allMatch((name) -> this.subscriber.verifications(name).size() == 1));
		awaitSubscriptions(names.size());
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			titles.add(Hub.publish(this.context, "world", Hub.unique("From the first instance")));
			titles.add(Hub.publish(this.second, "europe", Hub.unique("From the second instance")));
		}
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> names.stream().allMatch((name) -> this.subscriber.deliveries(name).size() >= titles.size()));
		// Both instances have long seen every event; a duplicate would be here by now.
		Thread.sleep(1500);
		for (String name : names) {
			assertThat(this.subscriber.posts(name)).as(name).isEqualTo(titles.size());
			assertThat(this.subscriber.deliveries(name)).as(name).hasSize(titles.size());
			// Every event's article reached the subscriber.
			List<String> received = this.subscriber.deliveries(name)
				.stream()
				.flatMap((delivery) -> Hub.xpath(delivery.body(), "//*[local-name()='entry']/*[local-name()='title']")
					.stream())
				.toList();
			assertThat(received).as(name).containsAll(titles);
		}
		this.subscriber.deliveries(names.get(0))
			.forEach((delivery) -> assertThat(delivery.headers().get("link"))
				.contains("<https://herald.test/websub>; rel=\"hub\""));
	}

	@Test
	@Order(2)
	void aDeliveryClaimedByAnInstanceThatWentAwayIsMadeByTheOther() {
		// Only the second instance delivers, and its one attempt hangs until it is gone.
		PushWorker firstWorker = this.context.getBean(PushWorker.class);
		firstWorker.stop();
		String name = Hub.unique("orphaned");
		this.subscriber.answerContentWith(name, 0);
		String topic = "https://herald.test/feeds/americas/atom.xml";
		Hub.send(this.client, Hub.form("subscribe", topic, this.subscriber.callback(name))).expectStatus().isAccepted();
		Awaitility.await().atMost(WAIT).until(() -> this.subscriber.verifications(name).size() == 1);
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> count("select count(*) from websub_subscriptions where topic = '" + topic + "'") == 1);
		String title = Hub.publish(this.second, "americas", Hub.unique("Orphaned"));
		Awaitility.await().atMost(WAIT).until(() -> this.subscriber.posts(name) == 1);
		this.second.close();
		this.second = null;
		assertThat(this.subscriber.deliveries(name)).isEmpty();

		firstWorker.start();
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> this.subscriber.deliveries(name).stream().anyMatch((r) -> r.text().contains(title)));
		assertThat(this.subscriber.posts(name)).isEqualTo(2);
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> count("select count(*) from push_deliveries where destination = '"
					+ this.subscriber.callback(name) + "'") == 0);
	}

	private void awaitSubscriptions(int count) {
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> count("select count(*) from websub_subscriptions where topic = '" + TOPIC + "'") == count);
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

}
