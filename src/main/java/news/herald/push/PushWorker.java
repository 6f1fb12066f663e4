package news.herald.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Sends due deliveries: claims them in batches of up to twice its slots (the second half
 * waits in memory for a slot, so a slot coming free never waits for a claim's round
 * trip), sends each on its own (so a slow destination holds one slot, never the others),
 * and records the outcome: delivered rows are deleted in batches ({@link DeliveredRows}),
 * failures are retried with exponential back-off and jitter, and the last failed attempt
 * gives the delivery up. It claims when woken (a message was enqueued, slots came free)
 * and on a timer, which finds other instances' messages, retries that came due and rows
 * whose claimer died.
 */
@Component
public class PushWorker extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(PushWorker.class);

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private static final Duration KEEP_ABANDONED = Duration.ofDays(7);

	/** The most a stop waits to record deliveries made and hand back ones not begun. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(2);

	private final PushQueue queue;

	private final PushClient client;

	private final PushSettings settings;

	private final Map<String, PushChannel> channels = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Claimed, waiting for a slot; each under its lease like one in flight. */
	private final Queue<Delivery> ready = new ConcurrentLinkedQueue<>();

	private final AtomicInteger readyCount = new AtomicInteger();

	private final DeliveredRows deliveredRows;

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
		this.deliveredRows = new DeliveredRows(queue);
	}

	@Override
	public void start() {
		this.running = true;
		running(Disposables
			.composite(Flux.interval(this.settings.pollInterval()).onBackpressureDrop().subscribe((tick) -> {
				wake();
				purgeNowAndThen();
			}), Flux.interval(DeliveredRows.FLUSH_EVERY)
				.onBackpressureDrop()
				.subscribe((tick) -> this.deliveredRows.flush())));
	}

	@Override
	public void stop() {
		this.running = false;
		super.stop();
		// On the thread stopping the application, never an event loop: a bounded wait
		// spares the next start resending what was delivered or waiting out leases.
		this.deliveredRows.flushNow(STOP_WAIT);
		List<Long> unstarted = new ArrayList<>();
		Delivery waiting;
		while ((waiting = this.ready.poll()) != null) {
			this.readyCount.decrementAndGet();
			unstarted.add(waiting.id());
		}
		if (!unstarted.isEmpty()) {
			try {
				this.queue.release(this.instance, unstarted).block(STOP_WAIT);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not hand " + unstarted.size() + " claimed push deliveries back (" + ex.getMessage()
						+ "); they are due again after their lease");
			}
		}
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
		// A delivery that lost a race for a slot is started here at the latest.
		startReady();
		int slots = this.settings.concurrency();
		int held = this.inFlight.get() + this.readyCount.get();
		int room = 2 * slots - held;
		// One claim per finished delivery would serialize the queue on claim round trips:
		// while deliveries are held, claim once half the slots' worth of room is free.
		if (room <= 0 || !this.running || (held > 0 && room < Math.max(1, slots / 2))) {
			return Mono.empty();
		}
		return this.queue.claim(this.instance, room, this.settings.claimLease()).doOnNext((delivery) -> {
			this.readyCount.incrementAndGet();
			this.ready.add(delivery);
			startReady();
		}).count().doOnNext((claimed) -> {
			if (claimed == room) {
				// Full batch: there may be more due right now.
				this.wakeUps.incrementAndGet();
			}
		}).then();
	}

	/** Starts claimed deliveries while slots are free. */
	private void startReady() {
		while (this.running) {
			int busy = this.inFlight.get();
			if (busy >= this.settings.concurrency() || this.ready.isEmpty()) {
				return;
			}
			if (!this.inFlight.compareAndSet(busy, busy + 1)) {
				continue;
			}
			Delivery delivery = this.ready.poll();
			if (delivery == null) {
				this.inFlight.decrementAndGet();
				return;
			}
			this.readyCount.decrementAndGet();
			launch(delivery);
		}
	}

	private void launch(Delivery delivery) {
		attempt(delivery).doFinally((signal) -> {
			this.inFlight.decrementAndGet();
			startReady();
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
		return Mono.fromRunnable(() -> {
			// The row goes with the next batch; the slot is free now.
			this.deliveredRows.add(delivery.id());
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
