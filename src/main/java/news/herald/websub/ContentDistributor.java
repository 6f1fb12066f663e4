package news.herald.websub;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.EventRelay;
import news.herald.feed.FeedContent;
import news.herald.feed.FeedTopic;
import news.herald.feed.FeedTopics;
import news.herald.push.PushDestination;
import news.herald.push.PushMessage;
import news.herald.push.PushQueue;
import news.herald.push.PushWorker;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Content distribution (§7): for every event, each followed topic it changed is rendered
 * once and queued for each of the topic's subscribers. Every instance does this for every
 * event; the queue keeps the first instance's message and ignores the others', so each
 * subscriber gets one delivery per event whichever instance took the write.
 */
@Component
class ContentDistributor extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(ContentDistributor.class);

	private static final int BUFFER = 10_000;

	private final EventRelay relay;

	private final SubscriptionRepository subscriptions;

	private final FeedTopics topics;

	private final PushQueue queue;

	private final PushWorker worker;

	private final WebSubProperties settings;

	ContentDistributor(EventRelay relay, SubscriptionRepository subscriptions, FeedTopics topics, PushQueue queue,
			PushWorker worker, WebSubProperties settings) {
		// After the EventRelay, like the feed validators.
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.relay = relay;
		this.subscriptions = subscriptions;
		this.topics = topics;
		this.queue = queue;
		this.worker = worker;
		this.settings = settings;
	}

	@Override
	public void start() {
		if (!this.settings.ownHub()) {
			return;
		}
		running(this.relay.events()
			.onBackpressureBuffer(BUFFER,
					(dropped) -> logger.warn("WebSub distribution is falling behind; skipped event " + dropped.id()),
					BufferOverflowStrategy.DROP_OLDEST)
			.concatMap(this::distribute, 1)
			.subscribe());
	}

	private Mono<Void> distribute(ArticleEvent event) {
		return this.subscriptions.activeTopics()
			.concatMap((key) -> Mono.justOrEmpty(this.topics.find(key.topic(), key.base()))
				.filter((topic) -> this.topics.changedBy(topic, event))
				.flatMap((topic) -> enqueue(key, topic, event)))
			.then(Mono.fromRunnable(this.worker::wake))
			.onErrorResume((ex) -> {
				logger.warn("Could not queue the WebSub content of event " + event.id() + ": " + ex.getMessage());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Long> enqueue(SubscriptionRepository.TopicKey key, FeedTopic topic, ArticleEvent event) {
		return this.topics.current(topic, event)
			.flatMap((content) -> this.subscriptions.activeFor(key)
				.map((subscription) -> new PushDestination(subscription.id(), subscription.callback(),
						subscription.secret()))
				.collectList()
				.flatMap((destinations) -> this.queue.enqueue(message(key, event, content), destinations)));
	}

	private static PushMessage message(SubscriptionRepository.TopicKey key, ArticleEvent event, FeedContent content) {
		// §7: the hub MUST send the topic's Link headers with the content.
		List<String> links = (content.hub() != null)
				? List.of("<" + content.hub() + ">; rel=\"hub\"", "<" + key.topic() + ">; rel=\"self\"")
				: List.of("<" + key.topic() + ">; rel=\"self\"");
		return new PushMessage(HubChannel.NAME, key.topic(), event.id(), event.createdAt(), content.contentType(),
				Map.of("Link", links), content.body());
	}

}
