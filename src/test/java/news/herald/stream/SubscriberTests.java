package news.herald.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Sinks.Many<Frame> live = Sinks.many().multicast().directBestEffort();

	private final Frame prelude = Frame.retry(5000);

	@Test
	void liveEventsTheHistoryAlreadyCarriedAreDroppedAtTheSeam() {
		Sinks.Many<Frame> history = Sinks.many().unicast().onBackpressureBuffer();
		Subscriber subscriber = new Subscriber(this.live.asFlux(), null, 16, () -> {
		}, (frame) -> {
		});
		StepVerifier.create(subscriber.stream(this.prelude, history.asFlux(), 10).map(Frame::id))
			.expectNext(0L)
			// Published while the history is being read: live and history overlap.
			.then(() -> {
				this.live.tryEmitNext(event(12, "world"));
				this.live.tryEmitNext(event(13, "world"));
				history.tryEmitNext(event(11, "world"));
				history.tryEmitNext(event(12, "world"));
				history.tryEmitComplete();
			})
			.expectNext(11L, 12L, 13L)
			.then(() -> this.live.tryEmitNext(event(14, "world")))
			.expectNext(14L)
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void aLiveResetMovesTheSeamBackSoTheNewHistoryIsNotDropped() {
		Subscriber subscriber = new Subscriber(this.live.asFlux(), null, 16, () -> {
		}, (frame) -> {
		});
		Frame fork = new Frame(10, 2, null, null, null, "id: 2-10\nevent: reset\n\n".getBytes(StandardCharsets.UTF_8));
		StepVerifier.create(subscriber.stream(this.prelude, reactor.core.publisher.Flux.empty(), 0).map(Frame::id))
			.expectNext(0L)
			.then(() -> {
				this.live.tryEmitNext(event(11, "world"));
				this.live.tryEmitNext(event(12, "world"));
				// The database forked after 10: 11 and 12 are lost and handed out again.
				this.live.tryEmitNext(fork);
				this.live.tryEmitNext(event(11, "world"));
			})
			.expectNext(11L, 12L, 10L, 11L)
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void keepAlivesPassTheSeamAndOtherSectionsDoNot() {
		Subscriber subscriber = new Subscriber(this.live.asFlux(), java.util.Set.of("europe"), 16, () -> {
		}, (frame) -> {
		});
		StepVerifier.create(subscriber.stream(this.prelude, reactor.core.publisher.Flux.empty(), 0))
			.expectNext(this.prelude)
			.then(() -> {
				this.live.tryEmitNext(event(1, "russia"));
				this.live.tryEmitNext(Frame.KEEP_ALIVE);
				this.live.tryEmitNext(moved(2, "russia", "europe"));
			})
			.expectNext(Frame.KEEP_ALIVE)
			.assertNext((frame) -> assertThat(frame.id()).isEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void overflowEndsTheStreamOnce() {
		AtomicInteger overflows = new AtomicInteger();
		Sinks.Many<Frame> history = Sinks.many().unicast().onBackpressureBuffer();
		Subscriber subscriber = new Subscriber(this.live.asFlux(), null, 8, overflows::incrementAndGet, (frame) -> {
		});
		StepVerifier.create(subscriber.stream(this.prelude, history.asFlux(), 0)).expectNext(this.prelude).then(() -> {
			for (int id = 1; id <= 20; id++) {
				this.live.tryEmitNext(event(id, "world"));
			}
		}).expectComplete().verify(TIMEOUT);
		assertThat(overflows).hasValue(1);
		assertThat(this.live.currentSubscriberCount()).isZero();
	}

	private static Frame event(long id, String section) {
		return moved(id, section, null);
	}

	private static Frame moved(long id, String section, String previousSection) {
		return new Frame(id, 1, section, previousSection, Instant.now(),
				("id: " + id + "\n\n").getBytes(StandardCharsets.UTF_8));
	}

}
