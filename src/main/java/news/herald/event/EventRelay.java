package news.herald.event;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.stereotype.Component;

import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * This instance's view of the outbox as it grows: one PostgreSQL {@code LISTEN}
 * connection wakes it, and it then reads every event after the last one it delivered.
 * Because it always reads from the table rather than trusting notifications, an event
 * committed on any instance, or while the connection was down, is delivered exactly once
 * and in id order.
 * <p>
 * Each time the connection comes back it first checks that the database still holds the
 * last event it delivered. After an asynchronous failover the promoted standby may lack
 * the newest events and hand their ids out again; the relay then goes back to where the
 * two histories part, announces that point on {@link #forks()} and delivers the new
 * history from there, so no event of it is skipped for having a familiar id.
 */
@Component
public class EventRelay extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(EventRelay.class);

	private static final int BATCH = 500;

	private static final Object WAKE_UP = new Object();

	private static final Object CONNECTED = new Object();

	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);

	private final ArticleEventRepository repository;

	private final ConnectionFactory listenConnections;

	private final Sinks.Many<ArticleEvent> sink = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<OutboxPosition> forks = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<OutboxPosition> lastDelivered = new AtomicReference<>(OutboxPosition.START);

	private volatile boolean started;

	private volatile boolean connected;

	EventRelay(ArticleEventRepository repository, R2dbcConnectionDetails connectionDetails) {
		super(LifecyclePhases.BELOW_WEB_SERVER);
		this.repository = repository;
		// A connection of its own, outside the pool: it lives as long as the instance
		// does.
		this.listenConnections = ConnectionFactories.get(connectionDetails.getConnectionFactoryOptions());
	}

	/**
	 * Every event committed from now on, in id order. Hot: subscribers see what is
	 * delivered after they subscribe; combine with {@link #lastDelivered()} and a read of
	 * the outbox to resume from an earlier point. Subscribers must not apply backpressure
	 * to this flux; a subscriber that cannot keep up should buffer (boundedly) on its own
	 * side.
	 */
	public Flux<ArticleEvent> events() {
		return this.sink.asFlux();
	}

	/**
	 * Where the database's history parted from what this instance had delivered: the
	 * newest event both share. Emitted on the relay's thread before any event of the new
	 * history, so a subscriber that handles it at once sees it in order with
	 * {@link #events()}; every delivered event after that position was lost with the old
	 * primary.
	 */
	public Flux<OutboxPosition> forks() {
		return this.forks.asFlux();
	}

	/** Id of the newest event this instance has delivered to {@link #events()}. */
	public long lastDelivered() {
		return this.lastDelivered.get().id();
	}

	/** Position of the newest event this instance has delivered to {@link #events()}. */
	public OutboxPosition lastPosition() {
		return this.lastDelivered.get();
	}

	/** Whether the LISTEN connection is up; while it is not, events arrive late. */
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public void start() {
		// Called on the main thread while the context starts, before requests are served.
		// After a stop (a test context is paused between uses) it catches up from where
		// it
		// was instead, so subscribers that stayed miss nothing.
		if (!this.started) {
			this.lastDelivered.set(this.repository.latest().block(Duration.ofSeconds(30)));
			this.started = true;
		}
		running(listen().onBackpressureLatest()
			.concatMap((wakeUp) -> ((wakeUp == CONNECTED) ? checkHistory() : Mono.empty()).thenMany(catchUp())
				.then(Mono.just(wakeUp)), 1)
			.doOnError((ex) -> {
				this.connected = false;
				logger.warn("Lost the event LISTEN connection (" + ex.getMessage() + "); reconnecting");
			})
			// transientErrors: the back-off starts again from 100 ms after every wake-up
			// that went well, so a later outage is not met with the last one's delay.
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.transientErrors(true))
			.subscribe());
	}

	@Override
	public void stop() {
		super.stop();
		this.connected = false;
		// The sink stays open: a stopped context can be started again, and its
		// subscribers must then keep receiving. They end with the context, not with a
		// stop.
	}

	/**
	 * A wake-up when listening starts (to catch up), one per notification, and one per
	 * successful probe. The probe notices a connection that died without a word (a
	 * failover behind a NAT, a half-open socket), which would otherwise look connected
	 * and silent forever.
	 */
	private Flux<Object> listen() {
		return Flux
			.usingWhen(Mono.from(this.listenConnections.create()).cast(PostgresqlConnection.class),
					(connection) -> connection.createStatement("LISTEN " + ArticleEventRepository.CHANNEL)
						.execute()
						.flatMap(PostgresqlResult::getRowsUpdated)
						.then(Mono.fromRunnable(() -> this.connected = true))
						.thenMany(Flux.just(CONNECTED)
							.concatWith(Flux.merge(notifications(connection), probe(connection)))),
					(connection) -> Mono.from(connection.close()).onErrorResume((ex) -> Mono.empty()));
	}

	private Flux<Object> notifications(PostgresqlConnection connection) {
		return connection.getNotifications()
			.map((notification) -> WAKE_UP)
			.concatWith(Mono.error(() -> new IllegalStateException("LISTEN connection closed")));
	}

	private Flux<Object> probe(PostgresqlConnection connection) {
		return Flux.interval(PROBE_INTERVAL)
			.onBackpressureDrop()
			.concatMap((tick) -> connection.createStatement("select 1")
				.execute()
				.flatMap(PostgresqlResult::getRowsUpdated)
				.then(Mono.just(WAKE_UP))
				.timeout(PROBE_INTERVAL), 1);
	}

	/**
	 * After a (re)connection: whether the database still holds the last delivered event
	 * (the same id on the same timeline). If not, the relay moves back to the common
	 * ancestor and announces the fork.
	 */
	private Mono<Void> checkHistory() {
		return Mono.defer(() -> {
			OutboxPosition delivered = this.lastDelivered.get();
			if (delivered.id() == 0) {
				return Mono.empty();
			}
			return this.repository.commonAncestor(delivered).doOnNext((ancestor) -> {
				if (!ancestor.equals(delivered) && this.lastDelivered.compareAndSet(delivered, ancestor)) {
					logger.warn("The database no longer holds event " + delivered + " that this instance delivered"
							+ " (a failover lost it); following the new history from " + ancestor);
					this.forks.emitNext(ancestor, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
				}
			}).then();
		});
	}

	private Flux<ArticleEvent> catchUp() {
		return Flux.defer(() -> this.repository.findAllAfter(this.lastDelivered.get().id(), null, BATCH))
			.doOnNext(this::deliver);
	}

	private void deliver(ArticleEvent event) {
		if (event.id() <= this.lastDelivered.get().id()) {
			return;
		}
		this.lastDelivered.set(OutboxPosition.of(event));
		this.sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

}
