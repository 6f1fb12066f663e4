package news.herald.feed;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.Disposables;

import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

import news.herald.article.NameSlugs;
import news.herald.event.ArticleEvent;
import news.herald.event.EventRelay;
import news.herald.event.OutboxPosition;
import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * This instance's view of which event last touched each feed, kept in memory so that a
 * conditional GET is answered without the database. The outlet, every section, tag,
 * author and language are read once from the outbox at start-up; a combination of filters
 * ({@code world?tag=budget&lang=kk}) is read when first asked for and kept among the most
 * recently asked {@value #COMBINATIONS}. Both then follow the {@link EventRelay}, which
 * delivers every instance's events to every instance in id order; an event names the
 * tags, authors and language its article had before and after it, so a re-tag changes the
 * feeds of both tags. When the relay finds the database's history forked (a failover lost
 * the newest events), the stamps are read again up to the fork: newer ones may name lost
 * events, whose ids the new history hands out again.
 */
@Component
class FeedStamps extends BackgroundSubscription {

	static final int COMBINATIONS = 1024;

	private static final Log logger = LogFactory.getLog(FeedStamps.class);

	private final EventRelay relay;

	private final FeedStampRepository repository;

	private final FeedScopes scopes;

	private final Map<String, FeedStamp> stamps = new ConcurrentHashMap<>();

	private final Cache<String, Combination> combinations = Caffeine.newBuilder().maximumSize(COMBINATIONS).build();

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

	/**
	 * The stamp of a feed, or null before the initial state has been read or while a
	 * combination of filters has not been read yet.
	 */
	FeedStamp stamp(FeedAddress address) {
		if (address.kept()) {
			return stamp(address.stampKey());
		}
		if (!this.ready) {
			return null;
		}
		Combination combination = this.combinations.getIfPresent(address.stampKey());
		return (combination != null) ? combination.stamp() : null;
	}

	/** Whether the initial state has been read. */
	boolean ready() {
		return this.ready;
	}

	/**
	 * The stamp of a feed, reading a combination of filters from the outbox the first
	 * time it is asked for; concurrent first requests share one read.
	 */
	Mono<FeedStamp> load(FeedSelection selection) {
		FeedStamp known = stamp(selection.address());
		if (known != null) {
			return Mono.just(known);
		}
		FeedAddress address = selection.address();
		Combination combination = this.combinations.get(address.stampKey(),
				(key) -> new Combination(address, selection.scope().sections()));
		return combination.loaded(() -> {
			// Registered first, so every event after the barrier is applied to it; the
			// read covers the rest, and merging keeps the newest.
			long barrier = this.relay.lastDelivered();
			return this.repository.newestMatching(selection.filter(), barrier);
		});
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
		List<FeedStampRepository.NameStamp> names = this.repository.newestPerName(barrier)
			.collectList()
			.block(Duration.ofSeconds(30));
		for (FeedStampRepository.NameStamp row : names) {
			String key = switch (row.kind()) {
				case "tag" -> "tag:" + NameSlugs.of(row.name());
				case "author" -> "author:" + NameSlugs.of(row.name());
				default -> "lang:" + row.name().toLowerCase(Locale.ROOT);
			};
			touch(List.of(key), row.stamp());
		}
		this.ready = true;
		logger.info("Feed validators follow events from id " + barrier);
	}

	private void apply(ArticleEvent event) {
		FeedStamp stamp = new FeedStamp(event.id(), event.timeline(), event.createdAt());
		touch(this.scopes.affectedBy(event), stamp);
		touch(taxonomyKeys(event), stamp);
		for (Combination combination : this.combinations.asMap().values()) {
			if (combination.matches(event)) {
				combination.touch(stamp);
			}
		}
	}

	/**
	 * Whether the event touches the validators of the feed at an address: the rule
	 * {@link #apply} follows, for whoever needs to know which feeds an event changed (the
	 * hub's content distribution).
	 */
	boolean touches(FeedAddress address, ArticleEvent event) {
		if (address.unfiltered()) {
			return this.scopes.affectedBy(event).contains(address.scope());
		}
		if (address.kept()) {
			return taxonomyKeys(event).contains(address.stampKey());
		}
		FeedScope scope = this.scopes.byKey(address.scope());
		return scope != null && Combination.matches(address, scope.sections(), event);
	}

	private static Set<String> taxonomyKeys(ArticleEvent event) {
		Set<String> keys = new LinkedHashSet<>();
		for (ArticleEvent.Taxonomy taxonomy : new ArticleEvent.Taxonomy[] { event.taxonomy(), event.previous() }) {
			if (taxonomy == null) {
				continue;
			}
			taxonomy.tags().forEach((tag) -> keys.add("tag:" + NameSlugs.of(tag)));
			taxonomy.authors().forEach((author) -> keys.add("author:" + NameSlugs.of(author)));
			if (taxonomy.language() != null) {
				keys.add("lang:" + taxonomy.language().toLowerCase(Locale.ROOT));
			}
		}
		return keys;
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
		// A restarted context reads everything again; a combination read before would
		// miss the events of the pause.
		this.combinations.invalidateAll();
	}

}
