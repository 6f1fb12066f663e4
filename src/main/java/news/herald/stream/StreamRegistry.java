package news.herald.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import news.herald.system.LifecyclePhases;

/**
 * Counts the open streams, admits new ones within the limits, and ends them all when the
 * instance shuts down. It stops in an earlier phase than the web server's graceful
 * shutdown: that waits for open requests, and a stream would otherwise keep it waiting
 * until its timeout.
 */
@Component
class StreamRegistry implements SmartLifecycle {

	private final StreamProperties properties;

	private final StreamMetrics metrics;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, Integer> openByAddress = new ConcurrentHashMap<>();

	private volatile Sinks.Empty<Void> closing = Sinks.empty();

	private volatile boolean accepting = true;

	StreamRegistry(StreamProperties properties, StreamMetrics metrics) {
		this.properties = properties;
		this.metrics = metrics;
		metrics.openStreams(this.open);
	}

	/**
	 * Admits a stream from the given client address.
	 * @return releases the stream's place; safe to call more than once
	 * @throws StreamRefusedException when a limit is reached or the instance is stopping
	 */
	Runnable admit(String address) {
		if (!this.accepting) {
			this.metrics.rejected("shutdown");
			throw StreamRefusedException.shuttingDown(this.properties.retry());
		}
		if (this.open.incrementAndGet() > this.properties.maxStreams()) {
			this.open.decrementAndGet();
			this.metrics.rejected("max-streams");
			throw StreamRefusedException.tooManyStreams(this.properties.retry());
		}
		boolean[] admitted = { false };
		this.openByAddress.compute(address, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= this.properties.maxStreamsPerAddress()) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		if (!admitted[0]) {
			this.open.decrementAndGet();
			this.metrics.rejected("max-streams-per-address");
			throw StreamRefusedException.tooManyStreamsFrom(address, this.properties.maxStreamsPerAddress(),
					this.properties.retry());
		}
		AtomicBoolean released = new AtomicBoolean();
		return () -> {
			if (released.compareAndSet(false, true)) {
				this.openByAddress.computeIfPresent(address, (key, count) -> (count > 1) ? count - 1 : null);
				this.open.decrementAndGet();
			}
		};
	}

	/** Completes when the instance starts shutting down (or is stopped). */
	Mono<Void> closing() {
		return this.closing.asMono();
	}

	int openStreams() {
		return this.open.get();
	}

	@Override
	public void start() {
		// A stopped context can be started again (the test framework pauses contexts).
		if (!this.accepting) {
			this.closing = Sinks.empty();
		}
		this.accepting = true;
	}

	@Override
	public void stop() {
		this.accepting = false;
		this.closing.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.accepting;
	}

	@Override
	public int getPhase() {
		// Stops before the web server's graceful shutdown waits for open requests.
		return LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN;
	}

}
