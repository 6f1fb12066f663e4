package news.herald.stream;

import java.time.Duration;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import news.herald.event.EventRelay;

/**
 * This instance's live frames: each event from the {@link EventRelay} encoded once, and a
 * keep-alive on one shared timer, multicast to every open stream. The bytes of a frame
 * are shared by all subscribers, so fan-out costs no encoding and no copying.
 */
@Component
class Broadcast implements DisposableBean {

	private final Sinks.Many<Frame> frames = Sinks.many().multicast().directBestEffort();

	private final Disposable source;

	private final EventRelay relay;

	Broadcast(EventRelay relay, FrameEncoder encoder, StreamProperties properties) {
		this.relay = relay;
		Flux<Frame> events = relay.events().map(encoder::encode);
		Flux<Frame> heartbeats = Flux.interval(properties.heartbeat(), properties.heartbeat())
			.map((tick) -> Frame.KEEP_ALIVE)
			.onBackpressureDrop();
		// merge serializes the two sources, so the sink is never emitted to concurrently.
		this.source = Flux.merge(events, heartbeats)
			.subscribe(this::emit, this.frames::tryEmitError, this.frames::tryEmitComplete);
	}

	/**
	 * Frames from now on. Subscribers must not apply backpressure (a subscriber without
	 * demand misses frames); {@link Subscriber} queues them boundedly.
	 */
	Flux<Frame> frames() {
		return this.frames.asFlux();
	}

	/**
	 * Id of the newest event this instance has delivered. Read after subscribing to
	 * {@link #frames()}: every later event reaches the new subscriber (the relay counts
	 * an event as delivered just before emitting it).
	 */
	long lastId() {
		return this.relay.lastDelivered();
	}

	int subscriberCount() {
		return this.frames.currentSubscriberCount();
	}

	private void emit(Frame frame) {
		this.frames.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	@Override
	public void destroy() {
		this.source.dispose();
		this.frames.tryEmitComplete();
	}

}
