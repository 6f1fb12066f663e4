package news.herald.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.OutboxPosition;

/**
 * What a stream sends before going live: the events after the client's
 * {@code Last-Event-ID}, the latest few for {@code ?backfill=}, or a reset when the id
 * cannot be resumed. Every flux here is lazy, so it reads the outbox only after the
 * {@link Subscriber} has started listening.
 */
@Component
class StreamHistory {

	private static final int PAGE = 500;

	private final ArticleEventRepository events;

	private final FrameEncoder encoder;

	private final Broadcast broadcast;

	private final StreamMetrics metrics;

	private final StreamProperties properties;

	private final Clock clock;

	private final RecentFrames recent;

	StreamHistory(ArticleEventRepository events, FrameEncoder encoder, Broadcast broadcast, StreamMetrics metrics,
			StreamProperties properties, Clock clock, RecentFrames recent) {
		this.events = events;
		this.recent = recent;
		this.encoder = encoder;
		this.broadcast = broadcast;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Every event after {@code lastEventId} in the family, or a reset when that id is not
	 * one of ours, is older than the retention window, or names an event the database no
	 * longer holds because a failover lost it ({@code diverged}: the id is now another
	 * event's, written on a later timeline). Inside the window of recent frames no
	 * database is read. Further back, the outbox is asked about the id as soon as the
	 * returned mono is subscribed, before the stream opens, so a database that cannot be
	 * reached fails the mono (a refusal the client can see) instead of leaving an open
	 * stream without the missed events. The frames themselves are read only when the
	 * returned flux is, after the stream began listening.
	 */
	Mono<Flux<Frame>> resume(String lastEventId, Set<String> family) {
		OutboxPosition position = OutboxPosition.parse(lastEventId);
		if (position == null) {
			return Mono.just(reset("unknown-id"));
		}
		long id = position.id();
		if (this.recent.reaches(id)) {
			return Mono.just(Flux.defer(() -> {
				// A bare id names whichever event has it; one with a timeline must be the
				// same event, which the window can tell only while it holds that id.
				Boolean held = (position.timeline() == OutboxPosition.ANY_TIMELINE) ? Boolean.TRUE
						: this.recent.holds(position);
				if (Boolean.FALSE.equals(held)) {
					this.metrics.fromWindow(true);
					return reset("diverged");
				}
				List<Frame> recent = (held != null) ? this.recent.after(id, family) : null;
				if (recent != null) {
					this.metrics.resumed("replayed");
					this.metrics.fromWindow(true);
					return Flux.fromIterable(recent);
				}
				// The window moved on since the stream was prepared, or cannot tell.
				this.metrics.fromWindow(false);
				return resumeFromOutbox(position, family).flatMapMany((frames) -> frames);
			}));
		}
		return Mono.defer(() -> {
			this.metrics.fromWindow(false);
			return resumeFromOutbox(position, family);
		});
	}

	private Mono<Flux<Frame>> resumeFromOutbox(OutboxPosition position, Set<String> family) {
		Instant oldest = Instant.now(this.clock).minus(this.properties.retention());
		return this.events.stored(position.id())
			.map((stored) -> !position.names(stored.timeline()) ? reset("diverged")
					: stored.createdAt().isBefore(oldest) ? reset("expired")
							: replay(position.id(), family).doOnSubscribe((s) -> this.metrics.resumed("replayed")))
			.defaultIfEmpty(Flux.defer(() -> reset("unknown-id")));
	}

	/** The latest {@code count} events of the family, oldest first. */
	Flux<Frame> backfill(int count, Set<String> family) {
		return Flux.defer(() -> {
			List<Frame> recent = this.recent.latest(count, family);
			this.metrics.fromWindow(recent != null);
			return (recent != null) ? Flux.fromIterable(recent) : backfillFromOutbox(count, family);
		});
	}

	private Flux<Frame> backfillFromOutbox(int count, Set<String> family) {
		return this.events.findLatest(family, count).collectList().flatMapIterable((latest) -> {
			List<ArticleEvent> oldestFirst = new ArrayList<>(latest);
			Collections.reverse(oldestFirst);
			return oldestFirst;
		}).map(this.encoder::encode);
	}

	private Flux<Frame> replay(long after, Set<String> family) {
		return this.events.findAllAfter(after, family, PAGE).map(this.encoder::encode);
	}

	private Flux<Frame> reset(String reason) {
		return Flux.defer(() -> {
			this.metrics.resumed("reset");
			return Flux.just(this.encoder.reset(this.broadcast.lastPosition(), reason));
		});
	}

}
