package news.herald.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import news.herald.event.OutboxPosition;

import static org.assertj.core.api.Assertions.assertThat;

/** The window of recent frames: what it answers from memory and where it hands over. */
class RecentFramesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return RecentFramesTests.this.now.get();
		}

	};

	@Test
	void aForkForgetsTheLostFramesAndTellsTheirIdsFromTheNewOnes() {
		RecentFrames window = window(10);
		window.seed(frames(1, 5, "world"), true);
		window.forget(3);
		assertThat(ids(window.after(0, null))).containsExactly(1L, 2L, 3L);
		window.add(new Frame(4, 2, "world", null, NOW, bytes(4)));
		assertThat(ids(window.after(3, null))).as("the new history").containsExactly(4L);
		assertThat(window.holds(new OutboxPosition(1, 4))).as("a lost event").isFalse();
		assertThat(window.holds(new OutboxPosition(2, 4))).isTrue();
		assertThat(window.holds(new OutboxPosition(1, 3))).as("an event both hold").isTrue();
		assertThat(window.holds(new OutboxPosition(OutboxPosition.ANY_TIMELINE, 4))).isTrue();
		assertThat(window.holds(new OutboxPosition(1, 9))).as("not in the window").isNull();
	}

	@Test
	void answersFromTheFloorUpAndHandsOlderIdsToTheOutbox() {
		RecentFrames window = window(5);
		window.seed(frames(1, 5, "world"), false);
		for (long id = 6; id <= 8; id++) {
			window.add(frame(id, "world"));
		}
		// 8 frames, 5 kept: 4..8; ids above 3 are all in memory.
		assertThat(window.floor()).isEqualTo(3);
		assertThat(window.after(2, null)).as("just outside the window").isNull();
		assertThat(ids(window.after(3, null))).as("at the floor").containsExactly(4L, 5L, 6L, 7L, 8L);
		assertThat(ids(window.after(4, null))).as("just inside").containsExactly(5L, 6L, 7L, 8L);
		assertThat(ids(window.after(8, null))).as("the newest").isEmpty();
		assertThat(window.after(9, null)).as("an id this instance has not seen yet").isNull();
	}

	@Test
	void filtersBySectionAndMoves() {
		RecentFrames window = window(10);
		window.seed(List.of(), true);
		window.add(frame(1, "world"));
		window.add(new Frame(2, 1, "kazakhstan", "world", NOW, bytes(2)));
		window.add(frame(3, "kazakhstan"));
		assertThat(ids(window.after(0, Set.of("world")))).containsExactly(1L, 2L);
		assertThat(ids(window.latest(1, Set.of("kazakhstan")))).containsExactly(3L);
		assertThat(ids(window.latest(5, Set.of("kazakhstan")))).as("every event there is").containsExactly(2L, 3L);
	}

	@Test
	void backfillNeedsEnoughOfTheFamilyOrTheWholeOutbox() {
		RecentFrames window = window(3);
		window.seed(frames(10, 12, "world"), false);
		assertThat(ids(window.latest(2, null))).containsExactly(11L, 12L);
		assertThat(window.latest(4, null)).as("older ones may be in the outbox").isNull();
		assertThat(window.latest(1, Set.of("europe"))).isNull();
	}

	@Test
	void seedAndRelayedFramesMeetWithoutGapOrDuplicate() {
		RecentFrames window = window(10);
		window.add(frame(6, "world"));
		window.add(frame(7, "world"));
		assertThat(window.after(5, null)).as("nothing is answered before the seed").isNull();
		window.seed(frames(3, 6, "world"), false);
		assertThat(ids(window.after(2, null))).containsExactly(3L, 4L, 5L, 6L, 7L);
		window.add(frame(7, "world"));
		assertThat(ids(window.after(6, null))).as("a frame added twice is kept once").containsExactly(7L);
	}

	@Test
	void oldFramesLeaveTheWindow() {
		RecentFrames window = window(10);
		window.seed(List.of(), true);
		window.add(new Frame(1, 1, "world", null, NOW.minus(Duration.ofMinutes(90)), bytes(1)));
		window.add(frame(2, "world"));
		window.add(frame(3, "world"));
		assertThat(window.floor()).isEqualTo(1);
		this.now.set(NOW.plus(Duration.ofMinutes(61)));
		assertThat(window.after(2, null)).isNull();
		assertThat(window.size()).isZero();
		assertThat(window.bytes()).isZero();
	}

	@Test
	void skipsControlFrames() {
		RecentFrames window = window(10);
		window.seed(List.of(), true);
		window.add(Frame.KEEP_ALIVE);
		window.add(frame(1, "world"));
		assertThat(window.size()).isEqualTo(1);
		assertThat(window.bytes()).isEqualTo(bytes(1).length);
	}

	private RecentFrames window(int size) {
		StreamProperties properties = new StreamProperties(10, 10, Duration.ofSeconds(15), Duration.ofDays(7), 8,
				Duration.ofSeconds(5), size, Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofSeconds(10), 10);
		return new RecentFrames(null, null, properties, this.clock,
				new StreamMetrics(new SimpleMeterRegistry(), this.clock));
	}

	private static List<Frame> frames(long from, long to, String section) {
		List<Frame> frames = new ArrayList<>();
		for (long id = from; id <= to; id++) {
			frames.add(frame(id, section));
		}
		return frames;
	}

	private static Frame frame(long id, String section) {
		return new Frame(id, 1, section, null, NOW, bytes(id));
	}

	private static byte[] bytes(long id) {
		return ("id: " + id + "\nevent: published\ndata: {}\n\n").getBytes(StandardCharsets.UTF_8);
	}

	private static List<Long> ids(List<Frame> frames) {
		assertThat(frames).isNotNull();
		return frames.stream().map(Frame::id).toList();
	}

}
