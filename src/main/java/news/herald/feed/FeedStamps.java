package news.herald.feed;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposables;

import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.EventRelay;
import news.herald.event.OutboxPosition;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * This instance's view of which event last touched each feed, kept in memory so that a
 * conditional GET is answered without the database. It is read once from the outbox at
 * start-up and then follows the {@link EventRelay}, which delivers every instance's
 * events to every instance in id order. When the relay finds the database's history
 * forked (a failover lost the newest events), the stamps are read again up to the fork:
 * newer ones may name lost events, whose ids the new history hands out again.
 */
@Component
class FeedStamps extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(FeedStamps.class);

	private final EventRelay relay;

	private final FeedStampRepository repository;

	private final FeedScopes scopes;

	private final Map<String, FeedStamp> stamps = new ConcurrentHashMap<>();

	private volatile boolean ready;

	FeedStamps(EventRelay relay, FeedStampRepository repository, FeedScopes scopes) {
		// After the EventRelay has started, so lastDelivered() is a real barrier.
		super(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
		this.relay = relay;
		this.repository = repository;
		this.scopes = scopes;
	}

	/** The stamp of a scope, or null before the initial state has been read. */
	FeedStamp stamp(String scopeKey) {
		if (!this.ready) {
			return null;
		}
		return this.stamps.getOrDefault(scopeKey, FeedStamp.NONE);
	}

	/** The newest event id this instance knows of; no cursor can be larger. */
	long newestEventId() {
		return this.stamps.getOrDefault(FeedScope.OUTLET, FeedStamp.NONE).eventId();
	}

	@Override
	public void start() {
		// Subscribe first, then read up to what the relay has delivered: every event is
		// either in the read or delivered afterwards, and merging keeps the newest.
		// Forks are handled on the relay's thread as they come, before the events after
		// them.
		running(Disposables.composite(this.relay.forks().subscribe(this::forked),
				this.relay.events()
					.subscribe(this::apply, (ex) -> logger.error("Feed validators stopped following events", ex),
							() -> logger.info("Feed validators stopped following events: the relay completed"))));
		long barrier = this.relay.lastDelivered();
		// Runs on the main thread while the context starts.
		List<FeedStampRepository.SectionStamp> initial = this.repository.newestPerSection(barrier)
			.collectList()
			.block(Duration.ofSeconds(30));
		for (FeedStampRepository.SectionStamp row : initial) {
			touch(this.scopes.affectedBy(row.section()), row.stamp());
		}
		this.ready = true;
		logger.info("Feed validators follow events from id " + barrier);
	}

	private void apply(ArticleEvent event) {
		FeedStamp stamp = new FeedStamp(event.id(), event.timeline(), event.createdAt());
		touch(this.scopes.affectedBy(event), stamp);
	}

	/**
	 * Forgets every stamp and reads them again up to the common ancestor; until then
	 * feeds are served without validators, and events after the fork merge in as they
	 * come, as at start-up.
	 */
	private void forked(OutboxPosition ancestor) {
		this.ready = false;
		this.stamps.clear();
		this.repository.newestPerSection(ancestor.id())
			.doOnNext((row) -> touch(this.scopes.affectedBy(row.section()), row.stamp()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
			.doOnComplete(() -> {
				this.ready = true;
				logger.info("Feed validators read again up to " + ancestor + " after the database's history forked");
			})
			.subscribe((row) -> {
			}, (ex) -> logger.error("Could not read feed validators again", ex));
	}

	private void touch(Collection<String> keys, FeedStamp stamp) {
		for (String key : keys) {
			this.stamps.merge(key, stamp, FeedStamp::newer);
		}
	}

	@Override
	public void stop() {
		super.stop();
		this.ready = false;
	}

}
