package news.herald.audience;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The day's peak of live readers per section, from the stream's presence gauges. */
class LiveReadersTests {

	@Test
	void keepsTheDaysPeakPerSection() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AtomicInteger world = new AtomicInteger(7);
		AtomicInteger everything = new AtomicInteger(2);
		Gauge.builder(LiveReaders.GAUGE, world, AtomicInteger::get).tag("section", "world").register(meters);
		Gauge.builder(LiveReaders.GAUGE, everything, AtomicInteger::get).tag("section", "all").register(meters);
		LiveReaders live = new LiveReaders(meters, Clock.systemUTC());
		live.sample();
		world.set(3);
		everything.set(5);
		live.sample();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(live.peaks()).containsEntry(new LiveReaders.Peak(today, "world"), 7)
			.containsEntry(new LiveReaders.Peak(today, AudienceFeed.OUTLET), 5)
			.hasSize(2);
	}

}
