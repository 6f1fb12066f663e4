package news.herald.article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight CMS publishers posting 50 articles each over HTTP, while a reader polls the
 * outbox for {@code id > last}: 400 events, seen in commit order, none skipped.
 */
// A context of its own: 400 articles would crowd the lists other test classes page
// through.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.publishing.demo-content=false")
class ConcurrentPublishingIntegrationTests {

	private static final int PUBLISHERS = 8;

	private static final int ARTICLES_EACH = 50;

	@Autowired
	ArticleEventRepository events;

	@Autowired
	Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void eightPublishersProduce400EventsAReaderSeesInOrderWithoutGaps() {
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + this.environment.getProperty("local.server.port"))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EDITOR_KEY)
			.build();
		long start = this.events.latestId().block(Duration.ofSeconds(10));
		AtomicBoolean publishing = new AtomicBoolean(true);
		List<ArticleEvent> seen = new ArrayList<>();
		Mono<Void> reader = Mono.defer(() -> {
			long last = seen.isEmpty() ? start : seen.get(seen.size() - 1).id();
			return this.events.findAfter(last, null, 1000).collectList();
		}).doOnNext(seen::addAll).repeat(publishing::get).then();
		// Each publisher posts its articles one after another, like a CMS queue.
		Flux<String> publishers = Flux.range(0, PUBLISHERS)
			.flatMap((publisher) -> Flux.range(0, ARTICLES_EACH)
				.concatMap((n) -> create(client, publisher, n))
				.subscribeOn(Schedulers.parallel()), PUBLISHERS)
			.doFinally((signal) -> publishing.set(false));
		List<String> created = Mono
			.zip(publishers.collectList(),
					reader.subscribeOn(Schedulers.boundedElastic())
						.then(Mono.defer(() -> catchUp(seen, start)))
						.thenReturn(true))
			.map((both) -> both.getT1())
			.block(Duration.ofMinutes(3));

		assertThat(created).hasSize(PUBLISHERS * ARTICLES_EACH).doesNotHaveDuplicates();
		for (int i = 0; i < seen.size(); i++) {
			assertThat(seen.get(i).id()).as("event %d seen by the reader", i).isEqualTo(start + i + 1);
		}
		Map<String, ArticleEvent> byArticle = new HashMap<>();
		seen.forEach((event) -> byArticle.merge(event.headline().id().toString(), event, (a, b) -> {
			throw new AssertionError("two events for article " + a.headline().id());
		}));
		assertThat(byArticle.keySet()).containsAll(created);
		// Within one publisher, commit order is the order it published in.
		for (int publisher = 0; publisher < PUBLISHERS; publisher++) {
			String prefix = "Concurrent " + publisher + "-";
			List<Integer> order = seen.stream()
				.map((event) -> event.headline().title())
				.filter((title) -> title.startsWith(prefix))
				.map((title) -> Integer.parseInt(title.substring(prefix.length()).split(" ")[0]))
				.toList();
			assertThat(order).hasSize(ARTICLES_EACH).isSorted();
		}
	}

	private Mono<String> create(WebClient client, int publisher, int n) {
		Map<String, Object> article = article("europe");
		article.put("title", "Concurrent " + publisher + "-" + n + " " + article.get("externalId"));
		return client.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.json.writeValueAsString(article))
			.retrieve()
			.bodyToMono(String.class)
			.map((body) -> this.json.readTree(body).get("id").asString());
	}

	/** After the publishers finish, reads whatever the reader had not reached yet. */
	private Mono<Void> catchUp(List<ArticleEvent> seen, long start) {
		return Mono.defer(() -> {
			long last = seen.isEmpty() ? start : seen.get(seen.size() - 1).id();
			return this.events.findAfter(last, null, 1000).collectList();
		}).doOnNext(seen::addAll).repeat(() -> false).then();
	}

}
