package news.herald.stream;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

	private final AtomicInteger queued = new AtomicInteger();

	private final int capacity;

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
		// A queue that grows in small chunks: an idle stream holds a few slots, not
		// capacity slots; the bound is kept by counting.
		this.queue = Sinks.many().unicast().onBackpressureBuffer(Queues.<Frame>unbounded(16).get());
		this.capacity = capacity;
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
		// A reset that arrives live (the relay found the database's history forked) moves
		// the seam back: the new history's events reuse ids this stream has passed.
		Flux<Frame> live = this.queue.asFlux()
			.doOnNext((frame) -> this.queued.decrementAndGet())
			.filter((frame) -> frame.id() == 0 || frame.isReset() || frame.id() > seam.get())
			.doOnNext((frame) -> {
				if (frame.isReset()) {
					seam.set(frame.id());
				}
			})
			.doOnNext(this.onLive);
		return Flux.concat(Flux.just(prelude), sent, live)
			.takeUntilOther(this.overflow.asMono())
			.doFinally((signal) -> this.live.dispose());
	}

	private void offer(Frame frame) {
		if (this.queued.incrementAndGet() > this.capacity
				|| this.queue.tryEmitNext(frame) == Sinks.EmitResult.FAIL_OVERFLOW) {
			this.live.dispose();
			if (this.overflow.tryEmitEmpty().isSuccess()) {
				this.onOverflow.run();
			}
		}
	}

}
