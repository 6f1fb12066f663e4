package news.herald.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Sends due deliveries: claims as many as it has room for, sends each on its own (so a
 * slow destination holds one slot, never the others), and records the outcome: delivered
 * rows are deleted, failures are retried with exponential back-off and jitter, and the
 * last failed attempt gives the delivery up. It claims when woken (a message was
 * enqueued, a slot came free) and on a timer, which finds other instances' messages,
 * retries that came due and rows whose claimer died.
 */
@Component
public class PushWorker extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(PushWorker.class);

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private static final Duration KEEP_ABANDONED = Duration.ofDays(7);

	private final PushQueue queue;

	private final PushClient client;

	private final PushSettings settings;

	private final Map<String, PushChannel> channels = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger wakeUps = new AtomicInteger();

	private final Cache<Long, Mono<Payload>> payloads = Caffeine.newBuilder().maximumSize(256).build();

	private volatile boolean running;

	private volatile Instant lastPurge = Instant.EPOCH;

	PushWorker(PushQueue queue, PushClient client, PushSettings settings, List<PushChannel> channels,
			MeterRegistry registry, Clock clock) {
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.queue = queue;
		this.client = client;
		this.settings = settings;
		channels.forEach((channel) -> this.channels.put(channel.name(), channel));
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.running = true;
		running(Flux.interval(this.settings.pollInterval()).onBackpressureDrop().subscribe((tick) -> {
			wake();
			purgeNowAndThen();
		}));
	}

	@Override
	public void stop() {
		this.running = false;
		super.stop();
	}

	/**
	 * Looks for due deliveries soon. Wake-ups while a claim is running are folded into
	 * one more claim after it.
	 */
	public void wake() {
		if (this.running && this.wakeUps.getAndIncrement() == 0) {
			claimRound();
		}
	}

	private void claimRound() {
		int missed = this.wakeUps.get();
		claimFreeSlots().subscribe(null, (ex) -> {
			logger.warn("Could not claim push deliveries (" + ex.getMessage() + "); retrying on the next poll");
			afterRound(missed);
		}, () -> afterRound(missed));
	}

	private void afterRound(int missed) {
		if (this.wakeUps.addAndGet(-missed) != 0 && this.running) {
			claimRound();
		}
		else if (this.wakeUps.get() != 0 && !this.running) {
			this.wakeUps.set(0);
		}
	}

	private Mono<Void> claimFreeSlots() {
		int busy = this.inFlight.get();
		int free = this.settings.concurrency() - busy;
		// One claim per finished delivery would serialize the queue on claim round trips:
		// while deliveries are in flight, claim once a quarter of the slots is free.
		if (free <= 0 || !this.running || (busy > 0 && free < Math.max(1, this.settings.concurrency() / 4))) {
			return Mono.empty();
		}
		return this.queue.claim(this.instance, free, this.settings.claimLease())
			.doOnNext(this::launch)
			.count()
			.doOnNext((claimed) -> {
				if (claimed == free) {
					// Full batch: there may be more due right now.
					this.wakeUps.incrementAndGet();
				}
			})
			.then();
	}

	private void launch(Delivery delivery) {
		this.inFlight.incrementAndGet();
		attempt(delivery).doFinally((signal) -> {
			this.inFlight.decrementAndGet();
			wake();
		}).subscribe(null, (ex) -> logger.warn("Push delivery " + delivery.id() + " failed to settle: " + ex));
	}

	private Mono<Void> attempt(Delivery delivery) {
		PushChannel channel = this.channels.get(delivery.channel());
		if (channel == null || delivery.payloadId() == null) {
			return this.queue.abandon(delivery.id(), "no channel or payload for it");
		}
		return payload(delivery.payloadId()).flatMap((payload) -> {
			HttpHeaders headers = new HttpHeaders();
			payload.headers().forEach(headers::addAll);
			headers.set(HttpHeaders.CONTENT_TYPE, payload.contentType());
			headers.setContentLength(payload.body().length);
			channel.sign(headers, payload.body(), delivery.secret());
			return this.client.post(URI.create(delivery.destination()), headers, payload.body())
				.flatMap((status) -> (status >= 200 && status < 300) ? delivered(delivery, payload)
						: failed(delivery, "HTTP " + status));
		}).onErrorResume((ex) -> failed(delivery, describe(ex)));
	}

	private Mono<Payload> payload(long id) {
		// Every delivery of one message shares one read of its bytes.
		return this.payloads.get(id, (key) -> this.queue.payload(key)
			.cache((value) -> Duration.ofMinutes(5), (ex) -> Duration.ZERO, () -> Duration.ZERO));
	}

	private Mono<Void> delivered(Delivery delivery, Payload payload) {
		return this.queue.delivered(delivery.id()).doOnSuccess((done) -> {
			count(delivery, "delivered");
			latency(delivery.channel()).record(Duration.between(payload.publishedAt(), this.clock.instant()));
		});
	}

	private Mono<Void> failed(Delivery delivery, String reason) {
		if (delivery.attempts() >= this.settings.attempts()) {
			logger.warn("Gave up delivering " + delivery.channel() + " message to " + delivery.destination() + " after "
					+ delivery.attempts() + " attempts; last: " + reason);
			return this.queue.abandon(delivery.id(), reason).doOnSuccess((done) -> count(delivery, "abandoned"));
		}
		return this.queue.retry(delivery.id(), backoff(delivery.attempts()), reason)
			.doOnSuccess((done) -> count(delivery, "retried"));
	}

	/**
	 * Exponential back-off with jitter: half the doubled wait plus a random part of the
	 * other half, so destinations that failed together do not retry together.
	 */
	Duration backoff(int attempts) {
		long first = this.settings.firstBackoff().toMillis();
		long max = this.settings.maxBackoff().toMillis();
		long wait = Math.min(max, first << Math.min(30, Math.max(0, attempts - 1)));
		return Duration.ofMillis(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
	}

	private void count(Delivery delivery, String outcome) {
		this.registry.counter("herald.push.deliveries", "channel", delivery.channel(), "outcome", outcome).increment();
	}

	private Timer latency(String channel) {
		return this.latencies.computeIfAbsent(channel,
				(key) -> Timer.builder("herald.push.delivery.latency")
					.description("From the event's commit to a destination's 2xx")
					.tag("channel", key)
					.publishPercentileHistogram()
					.register(this.registry));
	}

	private void purgeNowAndThen() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.lastPurge.plus(PURGE_EVERY))) {
			return;
		}
		this.lastPurge = now;
		this.queue.purge(KEEP_ABANDONED)
			.subscribe(null, (ex) -> logger.warn("Could not purge delivered push payloads: " + ex.getMessage()));
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
