package news.herald.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.OutboxPosition;
import news.herald.system.LifecyclePhases;

/**
 * The latest article-event frames of the outbox, already encoded, shared by every stream
 * of this instance: a resume or backfill inside this window is answered from memory, so a
 * reconnect storm reads no database and keeps working while PostgreSQL is away.
 * <p>
 * The window holds every event with an id above {@link #floor}. It is seeded from the
 * outbox once at start-up, right after the {@link news.herald.event.EventRelay} has fixed
 * the point it relays from, and from then on {@link Broadcast} adds each relayed frame
 * here before it hands the frame to any stream: a stream that reads the window after it
 * began listening misses nothing, and what it would read twice the {@link Subscriber}
 * drops by id. Until the seed is in, the window answers nothing and streams read the
 * outbox as before.
 */
@Component
class RecentFrames implements SmartLifecycle {

	private final ArrayDeque<Frame> frames = new ArrayDeque<>();

	private final ArticleEventRepository events;

	private final FrameEncoder encoder;

	private final int capacity;

	private final Duration maxAge;

	private final Clock clock;

	private boolean seeded;

	private long floor;

	private long bytes;

	RecentFrames(ArticleEventRepository events, FrameEncoder encoder, StreamProperties properties, Clock clock,
			StreamMetrics metrics) {
		this.events = events;
		this.encoder = encoder;
		this.capacity = properties.windowSize();
		// An id older than the retention must get its reset, so the window never
		// reaches further back than the retention does.
		this.maxAge = (properties.windowAge().compareTo(properties.retention()) < 0) ? properties.windowAge()
				: properties.retention();
		this.clock = clock;
		metrics.window(this);
	}

	@Override
	public void start() {
		if (this.seeded || this.capacity == 0) {
			return;
		}
		// On the main thread while the context starts, before the web server takes
		// requests: the same place the relay reads its starting point.
		List<ArticleEvent> newestFirst = this.events.findLatest(null, this.capacity)
			.collectList()
			.block(Duration.ofSeconds(30));
		List<Frame> oldestFirst = new ArrayList<>(newestFirst.size());
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			oldestFirst.add(this.encoder.encode(newestFirst.get(i)));
		}
		seed(oldestFirst, newestFirst.size() < this.capacity);
	}

	/**
	 * Puts the outbox's latest frames in front of whatever the relay added meanwhile.
	 * @param oldestFirst the latest frames of the outbox, oldest first
	 * @param everything whether they are every event there is
	 */
	synchronized void seed(List<Frame> oldestFirst, boolean everything) {
		long oldestLive = this.frames.isEmpty() ? Long.MAX_VALUE : this.frames.peekFirst().id();
		for (int i = oldestFirst.size() - 1; i >= 0; i--) {
			Frame frame = oldestFirst.get(i);
			if (frame.id() < oldestLive) {
				this.frames.addFirst(frame);
				this.bytes += frame.bytes().length;
			}
		}
		// Seed and relayed frames meet without a gap: the relay delivers every event
		// after
		// the point it fixed before this read.
		this.floor = (everything || this.frames.isEmpty()) ? 0 : this.frames.peekFirst().id() - 1;
		this.seeded = true;
		while (this.frames.size() > this.capacity) {
			evictOldest();
		}
		evictOlderThan(Instant.now(this.clock).minus(this.maxAge));
	}

	@Override
	public void stop() {
		// The window outlives a stop: a paused context keeps following the relay.
	}

	@Override
	public boolean isRunning() {
		synchronized (this) {
			return this.seeded;
		}
	}

	@Override
	public int getPhase() {
		return LifecyclePhases.BEFORE_WEB_SERVER;
	}

	synchronized void add(Frame frame) {
		if (!frame.isArticleEvent() || this.capacity == 0 || (!this.frames.isEmpty() && frame.id() <= newest())) {
			return;
		}
		this.frames.addLast(frame);
		this.bytes += frame.bytes().length;
		while (this.frames.size() > this.capacity) {
			evictOldest();
		}
		evictOlderThan(Instant.now(this.clock).minus(this.maxAge));
	}

	/**
	 * Drops the frames after {@code ancestor}: the database's history forked there, and
	 * their events are lost. New events may reuse their ids.
	 */
	synchronized void forget(long ancestor) {
		while (!this.frames.isEmpty() && this.frames.peekLast().id() > ancestor) {
			Frame lost = this.frames.removeLast();
			this.bytes -= lost.bytes().length;
		}
		this.floor = Math.min(this.floor, ancestor);
	}

	/**
	 * Whether the window holds the event {@code position} names: true or false when it
	 * holds that id, null when it cannot tell (the id is outside the window).
	 */
	synchronized Boolean holds(OutboxPosition position) {
		for (Iterator<Frame> newestFirst = this.frames.descendingIterator(); newestFirst.hasNext();) {
			Frame frame = newestFirst.next();
			if (frame.id() == position.id()) {
				return position.names(frame.timeline());
			}
			if (frame.id() < position.id()) {
				break;
			}
		}
		return null;
	}

	/**
	 * Every frame after {@code afterId} that the family carries, oldest first; null when
	 * the window does not reach back that far (the caller reads the outbox instead).
	 */
	synchronized List<Frame> after(long afterId, Set<String> family) {
		evictOlderThan(Instant.now(this.clock).minus(this.maxAge));
		if (!this.seeded || afterId < this.floor || afterId > newest()) {
			return null;
		}
		List<Frame> found = new ArrayList<>();
		Iterator<Frame> newestFirst = this.frames.descendingIterator();
		while (newestFirst.hasNext()) {
			Frame frame = newestFirst.next();
			if (frame.id() <= afterId) {
				break;
			}
			if (frame.concerns(family)) {
				found.add(frame);
			}
		}
		Collections.reverse(found);
		return found;
	}

	/**
	 * The latest {@code count} frames the family carries, oldest first; null when the
	 * window holds fewer and older ones may exist in the outbox.
	 */
	synchronized List<Frame> latest(int count, Set<String> family) {
		evictOlderThan(Instant.now(this.clock).minus(this.maxAge));
		List<Frame> found = new ArrayList<>(count);
		Iterator<Frame> newestFirst = this.frames.descendingIterator();
		while (newestFirst.hasNext() && found.size() < count) {
			Frame frame = newestFirst.next();
			if (frame.concerns(family)) {
				found.add(frame);
			}
		}
		if (!this.seeded || (found.size() < count && this.floor > 0)) {
			return null;
		}
		Collections.reverse(found);
		return found;
	}

	/**
	 * Whether {@link #after} would answer for {@code afterId} now, without copying any
	 * frame.
	 */
	synchronized boolean reaches(long afterId) {
		evictOlderThan(Instant.now(this.clock).minus(this.maxAge));
		return this.seeded && afterId >= this.floor && afterId <= newest();
	}

	/** Ids above this one are all in the window. */
	synchronized long floor() {
		return this.floor;
	}

	synchronized int size() {
		return this.frames.size();
	}

	/** The encoded bytes the window holds, for its heap gauge. */
	synchronized long bytes() {
		return this.bytes;
	}

	private long newest() {
		Frame last = this.frames.peekLast();
		return (last != null) ? last.id() : this.floor;
	}

	private void evictOlderThan(Instant oldest) {
		while (!this.frames.isEmpty() && this.frames.peekFirst().createdAt().isBefore(oldest)) {
			evictOldest();
		}
	}

	private void evictOldest() {
		Frame evicted = this.frames.removeFirst();
		this.bytes -= evicted.bytes().length;
		this.floor = evicted.id();
	}

}
