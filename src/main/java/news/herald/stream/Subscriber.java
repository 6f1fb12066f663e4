package news.herald.stream;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open stream. It starts listening to the live frames as soon as it is created and
 * queues them (boundedly) while the history (a replay after {@code Last-Event-ID}, a
 * backfill, or a reset) is sent; live frames the history already covered are then dropped
 * by id. So the seam between history and live has neither a gap nor a duplicate. When the
 * queue overflows (the client does not read fast enough) the stream ends and
 * {@code onOverflow} runs; the client resumes by id and loses nothing.
 */
final class Subscriber {

	private final Sinks.Many<Frame> queue;

	private final Sinks.Empty<Void> overflow = Sinks.empty();

	private final Disposable.Swap live = Disposables.swap();

	private final Runnable onOverflow;

	private final Consumer<Frame> onLive;

	/**
	 * @param frames the live frames of this instance
	 * @param family sections the stream carries, null for all
	 * @param capacity live frames queued at most
	 * @param onOverflow runs once when the queue overflows
	 * @param onLive sees each live frame as it goes out
	 */
	Subscriber(Flux<Frame> frames, Set<String> family, int capacity, Runnable onOverflow, Consumer<Frame> onLive) {
		this.queue = Sinks.many().unicast().onBackpressureBuffer(Queues.<Frame>get(capacity).get());
		this.onOverflow = onOverflow;
		this.onLive = onLive;
		this.live.update(frames.filter((frame) -> frame.concerns(family))
			.subscribe(this::offer, this.queue::tryEmitError, this.queue::tryEmitComplete));
	}

	/**
	 * The stream: {@code prelude}, then {@code history}, then live frames newer than the
	 * last id the history carried ({@code startAfter} when it carried none).
	 */
	Flux<Frame> stream(Frame prelude, Flux<Frame> history, long startAfter) {
		AtomicLong seam = new AtomicLong(startAfter);
		Flux<Frame> sent = history.doOnNext((frame) -> {
			if (frame.id() > 0) {
				seam.set(frame.id());
			}
		});
		Flux<Frame> live = this.queue.asFlux()
			.filter((frame) -> frame.id() == 0 || frame.id() > seam.get())
			.doOnNext(this.onLive);
		return Flux.concat(Flux.just(prelude), sent, live)
			.takeUntilOther(this.overflow.asMono())
			.doFinally((signal) -> this.live.dispose());
	}

	private void offer(Frame frame) {
		Sinks.EmitResult result = this.queue.tryEmitNext(frame);
		// A full queue reports FAIL_ZERO_SUBSCRIBER while the history is still being sent
		// (nobody drains the queue yet) and FAIL_OVERFLOW afterwards: both are overflow.
		if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			this.live.dispose();
			if (this.overflow.tryEmitEmpty().isSuccess()) {
				this.onOverflow.run();
			}
		}
	}

}
