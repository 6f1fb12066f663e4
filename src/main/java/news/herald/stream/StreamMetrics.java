package news.herald.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The stream's meters, under {@code herald.stream.*}.
 * <p>
 * Latency runs from the event's {@code created_at} to the moment its frame is handed to
 * the connection. {@code created_at} is {@code clock_timestamp()} at the insert, which
 * precedes the commit by the rest of the publishing transaction (a millisecond or two),
 * so the figure slightly overstates the commit-to-write time; it also assumes the
 * database's clock and this instance's agree.
 */
@Component
class StreamMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Counter delivered;

	private final Counter slowConsumers;

	private final Timer latency;

	StreamMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.delivered = Counter.builder("herald.stream.events.delivered")
			.description("Article events written to live streams (one per event and stream)")
			.register(registry);
		this.slowConsumers = Counter.builder("herald.stream.slow.consumer.disconnects")
			.description("Streams closed because the client did not read fast enough")
			.register(registry);
		this.latency = Timer.builder("herald.stream.delivery.latency")
			.description("From the event's insert (just before its commit) to its write to a stream")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
	}

	void openStreams(AtomicInteger open) {
		Gauge.builder("herald.stream.open", open, AtomicInteger::get)
			.description("Live streams open on this instance")
			.register(this.registry);
	}

	/** A frame of history or live was written to a stream. */
	void written(Frame frame) {
		if (frame.isArticleEvent()) {
			this.delivered.increment();
		}
	}

	/** A live frame was written; replayed ones would only measure their age. */
	void writtenLive(Frame frame) {
		if (frame.isArticleEvent()) {
			this.latency.record(Duration.between(frame.createdAt(), Instant.now(this.clock)));
		}
	}

	void slowConsumerDisconnected() {
		this.slowConsumers.increment();
	}

	void resumed(String outcome) {
		this.registry.counter("herald.stream.resumes", "outcome", outcome).increment();
	}

	/** A stream's history came from the window of recent frames, or from the outbox. */
	void fromWindow(boolean window) {
		this.registry.counter("herald.stream.history.reads", "source", window ? "window" : "outbox").increment();
	}

	void window(RecentFrames window) {
		Gauge.builder("herald.stream.window.events", window, RecentFrames::size)
			.description("Article events held in memory for resumes and backfills")
			.register(this.registry);
		Gauge.builder("herald.stream.window.bytes", window, RecentFrames::bytes)
			.description("Encoded bytes of the events held in memory for resumes and backfills")
			.baseUnit("bytes")
			.register(this.registry);
	}

	void rejected(String reason) {
		this.registry.counter("herald.stream.rejected", "reason", reason).increment();
	}

}
