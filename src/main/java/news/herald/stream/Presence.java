package news.herald.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * "N reading now": the open streams of each scope (a section, or {@link #OUTLET}) summed
 * over every instance. Each instance counts its own in memory, reports them to PostgreSQL
 * every {@code presence-report} and reads the sums back in the same round; an instance
 * not heard from for {@code presence-expiry} no longer counts, so one that dies drops out
 * by itself. Readers see the sums from memory: a count costs no query.
 */
@Component
class Presence extends BackgroundSubscription {

	/** The scope of a stream of every section. */
	static final String OUTLET = "";

	private static final Log logger = LogFactory.getLog(Presence.class);

	private final UUID instance = UUID.randomUUID();

	private final Map<String, AtomicInteger> local = new ConcurrentHashMap<>();

	private final Map<String, Flux<Frame>> frames = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

	private final PresenceRepository repository;

	private final FrameEncoder encoder;

	private final MeterRegistry meters;

	private final StreamProperties properties;

	private volatile Map<String, Integer> totals = Map.of();

	Presence(PresenceRepository repository, FrameEncoder encoder, MeterRegistry meters, StreamProperties properties) {
		// Stops with the streams, before the database connections go.
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.repository = repository;
		this.encoder = encoder;
		this.meters = meters;
		this.properties = properties;
	}

	/** A stream of these scopes opened on this instance. */
	void opened(Collection<String> scopes) {
		scopes.forEach((scope) -> this.local.computeIfAbsent(scope, (key) -> new AtomicInteger()).incrementAndGet());
	}

	/** A stream of these scopes ended. */
	void closed(Collection<String> scopes) {
		scopes.forEach((scope) -> this.local.get(scope).decrementAndGet());
	}

	/** Readers of a scope on every instance, as of the last report. */
	int readers(String scope) {
		return this.totals.getOrDefault(scope, 0);
	}

	/**
	 * A {@code presence} event for the scope at once, then every {@code presence-events},
	 * on one timer shared by every stream of that scope. The events carry no id, so they
	 * never move a client's {@code Last-Event-ID}.
	 */
	Flux<Frame> frames(String scope) {
		Duration every = this.properties.presenceEvents();
		Flux<Frame> timer = this.frames.computeIfAbsent(scope,
				(key) -> Flux.interval(every, every)
					.onBackpressureDrop()
					.map((tick) -> this.encoder.presence(key, readers(key)))
					.share());
		// The count as of now first, so a page need not wait a whole interval for it.
		return Flux.defer(() -> Flux.just(this.encoder.presence(scope, readers(scope)))).concatWith(timer);
	}

	@Override
	public void start() {
		Duration every = this.properties.presenceReport();
		running(Flux.interval(Duration.ZERO, every)
			.onBackpressureDrop()
			.concatMap((tick) -> report(tick % 100 == 0), 1)
			.subscribe());
	}

	private Mono<Void> report(boolean sweep) {
		Map<String, Integer> open = new HashMap<>();
		this.local.forEach((scope, count) -> open.put(scope, count.get()));
		Duration expiry = this.properties.presenceExpiry();
		Mono<Void> swept = sweep ? this.repository.forgetStale(expiry.multipliedBy(10)) : Mono.empty();
		return this.repository.report(this.instance, open)
			.then(swept)
			.then(this.repository.totals(expiry))
			.timeout(this.properties.presenceReport().multipliedBy(2))
			.doOnNext(this::publish)
			.onErrorResume((ex) -> {
				// The counts age out rather than go wrong: readers see the last sums.
				logger.debug("Could not report stream presence: " + ex.getMessage());
				return Mono.empty();
			})
			.then();
	}

	private void publish(Map<String, Integer> totals) {
		this.totals = totals;
		totals.keySet().forEach((scope) -> this.gauges.computeIfAbsent(scope, this::gauge));
		this.gauges.forEach((scope, gauge) -> gauge.set(totals.getOrDefault(scope, 0)));
	}

	private AtomicInteger gauge(String scope) {
		AtomicInteger value = new AtomicInteger();
		Gauge.builder("herald.stream.readers", value, AtomicInteger::get)
			.description("Open live streams of the scope on every instance")
			.tag("section", scope.isEmpty() ? "all" : scope)
			.register(this.meters);
		return value;
	}

	@Override
	public void stop() {
		super.stop();
		// Leave at once instead of aging out; on the shutdown thread, never a reactor
		// one.
		try {
			this.repository.forget(this.instance, this.properties.presenceExpiry().multipliedBy(10))
				.block(Duration.ofSeconds(2));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not remove this instance's presence: " + ex.getMessage());
		}
	}

}
