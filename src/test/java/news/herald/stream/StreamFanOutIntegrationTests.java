package news.herald.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import news.herald.HeraldApplication;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;
import news.herald.database.EmbeddedDatabase;
import news.herald.event.EventRelay;
import news.herald.section.SectionCatalog;
import news.herald.stream.SseClient.Block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams across instances and database outages. Its own context: it restarts the
 * database under it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.publishing.demo-content=false", "spring.application.name=herald-fan-out" })
class StreamFanOutIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	ArticlePublisher publisher;

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@Autowired
	EventRelay relay;

	@Autowired
	SectionCatalog sections;

	@Test
	void eventPublishedOnOneInstanceReachesStreamsOnBoth() {
		try (ConfigurableApplicationContext other = startSecondInstance()) {
			int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
			Newsroom here = new Newsroom(this.publisher);
			Newsroom there = new Newsroom(other.getBean(ArticlePublisher.class));
			Queue<Block> onThis = new ConcurrentLinkedQueue<>();
			Queue<Block> onOther = new ConcurrentLinkedQueue<>();
			List<Disposable> streams = List.of(subscribe(this.port, "/stream", onThis),
					subscribe(otherPort, "/stream", onOther));
			try {
				await().atMost(TIMEOUT).until(() -> started(onThis) && started(onOther));
				List<Long> published = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					Newsroom newsroom = (i % 2 == 0) ? here : there;
					published.add(newsroom.publish((i % 3 == 0) ? "europe" : "kazakhstan", "Both " + i));
				}
				long last = published.get(published.size() - 1);
				await().atMost(TIMEOUT).until(() -> received(onThis, last) && received(onOther, last));
				assertThat(eventIds(onThis)).containsExactlyElementsOf(published);
				assertThat(eventIds(onOther)).containsExactlyElementsOf(published);
			}
			finally {
				streams.forEach(Disposable::dispose);
			}
		}
	}

	@Test
	void shutdownClosesOpenStreamsCleanly() {
		ConfigurableApplicationContext other = startSecondInstance();
		int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
		Flux<Block> stream = SseClient.blocks(otherPort, "/stream");
		StepVerifier.create(stream)
			.assertNext((block) -> assertThat(block.text()).isEqualTo("retry: 5000"))
			.then(other::close)
			.thenConsumeWhile((block) -> true)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(other.isActive()).isFalse();
	}

	@Test
	void databaseRestartLosesAndRepeatsNothingForTwentySubscribers() throws Exception {
		Set<String> world = this.sections.family("world");
		List<Queue<Block>> everything = new ArrayList<>();
		List<Queue<Block>> worldOnly = new ArrayList<>();
		List<Disposable> streams = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Queue<Block> blocks = new ConcurrentLinkedQueue<>();
			boolean all = i % 4 != 0;
			(all ? everything : worldOnly).add(blocks);
			streams.add(subscribe(this.port, all ? "/stream" : "/stream/world", blocks));
		}
		ExecutorService executor = Executors.newSingleThreadExecutor();
		List<ArticleDraft> drafts = new CopyOnWriteArrayList<>();
		List<Long> published = new CopyOnWriteArrayList<>();
		AtomicInteger failures = new AtomicInteger();
		try {
			await().atMost(TIMEOUT)
				.until(() -> everything.stream().allMatch(StreamFanOutIntegrationTests::started)
						&& worldOnly.stream().allMatch(StreamFanOutIntegrationTests::started));
			Newsroom newsroom = new Newsroom(this.publisher);
			String[] desks = { "russia", "kazakhstan", "europe", "regional", "world" };
			Future<?> publishing = executor.submit(() -> {
				for (int i = 0; i < 60; i++) {
					ArticleDraft draft = Newsroom.draft(desks[i % desks.length], "Through the outage " + i, "…");
					drafts.add(draft);
					published.add(newsroom.publishRetrying(draft, failures));
				}
			});
			await().atMost(TIMEOUT).until(() -> published.size() >= 15);
			this.embeddedDatabase.stop();
			await().atMost(TIMEOUT).until(() -> !this.relay.isConnected());
			// Publishing keeps trying while the database is away.
			int before = failures.get();
			await().atMost(TIMEOUT).until(() -> failures.get() >= before + 3);
			this.embeddedDatabase.start();
			publishing.get(3, TimeUnit.MINUTES);
			await().atMost(TIMEOUT).until(this.relay::isConnected);
			assertThat(published).hasSize(60).isSorted().doesNotHaveDuplicates();
			long last = published.get(published.size() - 1);
			List<Long> toWorld = new ArrayList<>();
			for (int i = 0; i < drafts.size(); i++) {
				if (world.contains(drafts.get(i).section())) {
					toWorld.add(published.get(i));
				}
			}
			long lastWorld = toWorld.get(toWorld.size() - 1);
			for (Queue<Block> blocks : everything) {
				await().atMost(TIMEOUT).until(() -> received(blocks, last));
				assertThat(eventIds(blocks)).containsExactlyElementsOf(published);
			}
			for (Queue<Block> blocks : worldOnly) {
				await().atMost(TIMEOUT).until(() -> received(blocks, lastWorld));
				assertThat(eventIds(blocks)).containsExactlyElementsOf(toWorld);
			}
		}
		finally {
			executor.shutdownNow();
			streams.forEach(Disposable::dispose);
			this.embeddedDatabase.start();
		}
	}

	private ConfigurableApplicationContext startSecondInstance() {
		int database = this.embeddedDatabase.port();
		return new SpringApplicationBuilder(HeraldApplication.class)
			.properties("server.port=0", "management.server.port=0",
					"spring.r2dbc.url=r2dbc:postgresql://localhost:" + database + "/postgres",
					"spring.r2dbc.username=postgres",
					"spring.flyway.url=jdbc:postgresql://localhost:" + database + "/postgres",
					"spring.flyway.user=postgres", "herald.publishing.demo-content=false",
					"spring.application.name=herald-second-instance")
			.run();
	}

	private static Disposable subscribe(int port, String path, Queue<Block> into) {
		return SseClient.blocks(port, path).subscribe(into::add);
	}

	private static boolean started(Queue<Block> blocks) {
		return blocks.stream().anyMatch((block) -> block.text().startsWith("retry:"));
	}

	private static boolean received(Queue<Block> blocks, long id) {
		return blocks.stream().anyMatch((block) -> block.id() >= id);
	}

	private static List<Long> eventIds(Queue<Block> blocks) {
		return blocks.stream().filter(Block::isArticleEvent).map(Block::id).toList();
	}

}
