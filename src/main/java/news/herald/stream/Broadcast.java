package news.herald.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import news.herald.event.EventRelay;
import news.herald.event.OutboxPosition;

/**
 * This instance's live frames: each event from the {@link EventRelay} encoded once, and a
 * keep-alive on one shared timer, multicast to every open stream. The bytes of a frame
 * are shared by all subscribers, so fan-out costs no encoding and no copying.
 * <p>
 * Subscribers are grouped by the event loop that serves their connection, and each
 * group's fan-out runs on that loop: the relay thread hands a frame to each loop once,
 * every loop writes to its own connections without a thread hop per subscriber, and the
 * loops share the work across cores.
 * <p>
 * When the relay finds that the database's history forked (an asynchronous failover lost
 * its newest events), the window forgets the lost frames and every stream gets
 * {@code event: reset} naming the last event both histories share, before any event of
 * the new history, whose ids the lost ones may have had.
 */
@Component
class Broadcast implements DisposableBean {

	private final Map<Executor, Sinks.Many<Frame>> byLoop = new ConcurrentHashMap<>();

	private final Sinks.Many<Frame> direct = newSink();

	private final Disposable source;

	private final EventRelay relay;

	private final RecentFrames recent;

	private final FrameEncoder encoder;

	Broadcast(EventRelay relay, FrameEncoder encoder, RecentFrames recent, StreamProperties properties) {
		this.relay = relay;
		this.recent = recent;
		this.encoder = encoder;
		Flux<Frame> events = relay.events().map(encoder::encode);
		Flux<Frame> heartbeats = Flux.interval(properties.heartbeat(), properties.heartbeat())
			.map((tick) -> Frame.KEEP_ALIVE)
			.onBackpressureDrop();
		// merge serializes the two sources: frames are handed on in one order.
		// Forks are handled on the relay's thread as they come, so they reach every loop
		// before the events that follow them.
		this.source = Disposables.composite(relay.forks().subscribe(this::forked),
				Flux.merge(events, heartbeats).subscribe(this::emit));
	}

	/**
	 * Frames from now on, delivered on {@code loop} (the event loop of the subscriber's
	 * connection), or on the relay's thread when {@code loop} is null. Subscribers must
	 * not apply backpressure (a subscriber without demand misses frames);
	 * {@link Subscriber} queues them boundedly.
	 */
	Flux<Frame> frames(Executor loop) {
		return (loop != null) ? this.byLoop.computeIfAbsent(loop, (key) -> newSink()).asFlux() : this.direct.asFlux();
	}

	/**
	 * Id of the newest event this instance has delivered. Read after subscribing to
	 * {@link #frames}: every later event reaches the new subscriber (the relay counts an
	 * event as delivered just before emitting it, and each loop gets frames in order).
	 */
	long lastId() {
		return this.relay.lastDelivered();
	}

	/** {@link #lastId()} with its timeline: where a reset tells a client to continue. */
	OutboxPosition lastPosition() {
		return this.relay.lastPosition();
	}

	private void forked(OutboxPosition ancestor) {
		this.recent.forget(ancestor.id());
		emit(this.encoder.reset(ancestor, "diverged"));
	}

	private void emit(Frame frame) {
		// Into the window first: a stream that reads it after subscribing then cannot
		// miss this frame, whichever loop delivers it when.
		this.recent.add(frame);
		this.direct.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		this.byLoop.forEach((loop, sink) -> {
			if (sink.currentSubscriberCount() == 0) {
				return;
			}
			try {
				loop.execute(() -> sink.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
			}
			catch (RejectedExecutionException ex) {
				// The loop is shutting down, and its connections with it.
			}
		});
	}

	private static Sinks.Many<Frame> newSink() {
		return Sinks.many().multicast().directBestEffort();
	}

	@Override
	public void destroy() {
		this.source.dispose();
		this.direct.tryEmitComplete();
		this.byLoop.values().forEach(Sinks.Many::tryEmitComplete);
	}

}
