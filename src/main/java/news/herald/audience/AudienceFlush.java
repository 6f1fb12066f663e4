package news.herald.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import news.herald.http.Sha256;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Writes each instance's in-memory tallies to PostgreSQL every {@code flush-interval},
 * off any request: its own sketch per feed and day (rewritten whole, so a crash loses at
 * most one interval and instances merge by union), the aggregators' latest figures, the
 * live readers' peaks; then forgets days past the retention and refreshes the gauges.
 * Live readers are sampled more often than that, as a peak can be short.
 */
@Component
class AudienceFlush extends BackgroundSubscription {

	static final Duration LIVE_SAMPLE = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(AudienceFlush.class);

	private final UUID instance = UUID.randomUUID();

	private final AudienceCounter counter;

	private final LiveReaders live;

	private final AudienceRepository repository;

	private final AudienceGauges gauges;

	private final AudienceProperties properties;

	private final Clock clock;

	AudienceFlush(AudienceCounter counter, LiveReaders live, AudienceRepository repository, AudienceGauges gauges,
			AudienceProperties properties, Clock clock) {
		// Stops after the web server, so the requests it drains are written too.
		super(LifecyclePhases.BELOW_WEB_SERVER);
		this.counter = counter;
		this.live = live;
		this.repository = repository;
		this.gauges = gauges;
		this.properties = properties;
		this.clock = clock;
		if (!properties.salt().isEmpty()) {
			counter.salt(Sha256.of(properties.salt().getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		Duration every = this.properties.flushInterval();
		running(Disposables.composite(
				Flux.interval(LIVE_SAMPLE, LIVE_SAMPLE).onBackpressureDrop().subscribe((tick) -> this.live.sample()),
				Flux.interval(Duration.ZERO, every)
					.onBackpressureDrop()
					.concatMap((tick) -> flush().timeout(every.plusSeconds(30)).onErrorResume((ex) -> {
						// The tallies stay in memory and are written by the next flush.
						logger.warn("Could not write the audience counts: " + ex.getMessage());
						return Mono.empty();
					}), 1)
					.subscribe()));
	}

	/**
	 * One round: the salt if still unknown, the tallies, the peaks, retention, gauges.
	 */
	Mono<Void> flush() {
		Mono<Void> salt = this.counter.counting() ? Mono.empty()
				: this.repository.salt().doOnNext(this.counter::salt).then();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return salt.then(tallies(today))
			.then(peaks())
			.then(this.repository.forgetBefore(today.minusDays(this.properties.retention().toDays())))
			.then(this.gauges.refresh(today));
	}

	private Mono<Void> tallies(LocalDate today) {
		return Flux.fromIterable(this.counter.tallies().entrySet())
			.concatMap((entry) -> write(entry.getKey(), entry.getValue(), today))
			.then();
	}

	private Mono<Void> write(AudienceCounter.Key key, DayTally tally, LocalDate today) {
		Instant now = this.clock.instant();
		Mono<Void> clients = Mono.empty();
		if (tally.changed) {
			tally.changed = false;
			clients = Mono
				.defer(() -> this.repository.saveClients(key.day(), key.feed(), this.instance, tally.clients.toBytes(),
						now))
				.doOnError((ex) -> tally.changed = true);
		}
		Mono<Void> readings = Flux.fromIterable(Map.copyOf(tally.pending).entrySet())
			.concatMap((reading) -> this.repository
				.saveSubscribers(key.day(), key.feed(), reading.getKey(), reading.getValue())
				.then(Mono.fromRunnable(() -> tally.pending.remove(reading.getKey(), reading.getValue()))))
			.then();
		return clients.then(readings).then(Mono.fromRunnable(() -> {
			if (key.day().isBefore(today) && !tally.changed && tally.pending.isEmpty()) {
				this.counter.forget(key, tally);
			}
		}));
	}

	private Mono<Void> peaks() {
		return Flux.fromIterable(Map.copyOf(this.live.peaks()).entrySet())
			.concatMap((peak) -> this.repository.savePeak(peak.getKey().day(), peak.getKey().scope(), peak.getValue())
				.then(Mono.fromRunnable(() -> this.live.peaks().remove(peak.getKey(), peak.getValue()))))
			.then();
	}

	@Override
	public void stop() {
		super.stop();
		if (!this.properties.enabled()) {
			return;
		}
		// The last counts since the previous flush; on the shutdown thread, never a
		// reactor one.
		try {
			flush().block(Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write the last audience counts: " + ex.getMessage());
		}
	}

}
