package news.herald.websub;

import java.time.Duration;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.EventRelay;
import news.herald.feed.FeedTopics;
import news.herald.http.PublicUrls;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Tells the WebSub hub ({@code herald.websub.hub-url}) about every feed an event changed:
 * the outlet's and those of the article's section and its ancestors (and of the section
 * it left), in every format. It follows the event relay, so a write never waits for the
 * hub; failed pings are retried with exponential back-off and then given up with a log
 * line, as the hub will still see the change on its next poll.
 * <p>
 * With several instances each event is pinged by one of them: the first to claim it in
 * the outbox. An instance that dies between its claim and its ping loses that ping, which
 * the hub's next poll makes up for; pinging from every instance would instead multiply
 * every ping by the number of replicas.
 */
@Component
class WebSubPublisher extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(WebSubPublisher.class);

	private static final int BUFFER = 10_000;

	private static final int CONCURRENT_PINGS = 4;

	private static final int CONCURRENT_CLAIMS = 4;

	private final EventRelay relay;

	private final ArticleEventRepository events;

	private final FeedTopics topics;

	private final WebSubProperties settings;

	private final String base;

	private final WebClient client;

	WebSubPublisher(EventRelay relay, ArticleEventRepository events, FeedTopics topics, WebSubProperties properties,
			PublicUrls urls, WebClient.Builder clients) {
		// After the EventRelay, like the feed validators.
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.relay = relay;
		this.events = events;
		this.topics = topics;
		this.settings = properties;
		this.base = urls.configured();
		// Boot's builder, so the pings use its codecs, connector and observations.
		this.client = clients.build();
	}

	@Override
	public void start() {
		if (!this.settings.external()) {
			return;
		}
		if (this.base == null) {
			logger.warn("herald.websub.hub-url is set but herald.http.base-url is not: the hub needs the feeds' public "
					+ "URLs, so no WebSub pings will be sent");
			return;
		}
		running(this.relay.events()
			.onBackpressureBuffer(BUFFER,
					(dropped) -> logger.warn("WebSub pings are falling behind; skipped event " + dropped.id()),
					BufferOverflowStrategy.DROP_OLDEST)
			.flatMap(this::claimed, CONCURRENT_CLAIMS)
			.concatMapIterable(this::feedUrls)
			.flatMap(this::ping, CONCURRENT_PINGS)
			.subscribe());
	}

	/** The event, if this instance is the one to ping the hub for it. */
	private Mono<ArticleEvent> claimed(ArticleEvent event) {
		return this.events.claimHubPing(event.id())
			.filter(Boolean::booleanValue)
			.map((claimed) -> event)
			.onErrorResume((ex) -> {
				logger.warn("Could not claim the WebSub ping of event " + event.id() + " (" + ex.getMessage()
						+ "); the hub will see the change on its next poll");
				return Mono.empty();
			});
	}

	/** The public URL of every feed the event changed. */
	Set<String> feedUrls(ArticleEvent event) {
		return this.topics.urlsChangedBy(event, this.base);
	}

	private Mono<Void> ping(String feedUrl) {
		return this.client.post()
			.uri(this.settings.hubUrl())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("hub.mode", "publish").with("hub.url", feedUrl))
			.retrieve()
			.toBodilessEntity()
			.timeout(Duration.ofSeconds(10))
			.retryWhen(Retry.backoff(this.settings.maxAttempts() - 1, this.settings.firstBackoff())
				.maxBackoff(Duration.ofMinutes(1))
				.filter(WebSubPublisher::worthRetrying))
			.then()
			.onErrorResume((ex) -> {
				logger.warn("WebSub hub " + this.settings.hubUrl() + " did not take the ping for " + feedUrl + ": "
						+ ex.getMessage());
				return Mono.empty();
			});
	}

	/** Server errors, throttling and network failures may pass; a 4xx will not. */
	private static boolean worthRetrying(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
		}
		return true;
	}

}
