package news.herald.websub;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import news.herald.push.PushQueue;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Ends subscriptions whose lease ran out (with the deliveries still waiting for them) and
 * keeps the subscription gauge current. Expired rows already receive nothing; this only
 * tidies up.
 */
@Component
class LeaseSweeper extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(LeaseSweeper.class);

	private static final Duration EVERY = Duration.ofSeconds(30);

	private final SubscriptionRepository subscriptions;

	private final PushQueue queue;

	private final WebSubProperties settings;

	private final AtomicLong active = new AtomicLong();

	LeaseSweeper(SubscriptionRepository subscriptions, PushQueue queue, WebSubProperties settings,
			MeterRegistry registry) {
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.subscriptions = subscriptions;
		this.queue = queue;
		this.settings = settings;
		Gauge.builder("herald.websub.subscriptions", this.active, AtomicLong::get)
			.description("Verified WebSub subscriptions whose lease runs")
			.register(registry);
	}

	@Override
	public void start() {
		if (!this.settings.ownHub()) {
			return;
		}
		running(Flux.interval(Duration.ZERO, EVERY)
			.onBackpressureDrop()
			.concatMap((tick) -> sweep().onErrorResume((ex) -> {
				logger.warn("Could not sweep expired WebSub subscriptions: " + ex.getMessage());
				return Mono.empty();
			}), 1)
			.subscribe());
	}

	private Mono<Void> sweep() {
		return this.subscriptions.deleteExpired()
			.concatMap((id) -> this.queue.cancel(HubChannel.NAME, id))
			.then(recount());
	}

	/** Refreshes the gauge. */
	Mono<Void> recount() {
		return this.subscriptions.countActive().doOnNext(this.active::set).then();
	}

}
