package news.herald.audience;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The day's peak of live ticker readers per section, sampled from the stream's presence
 * gauges ({@code herald.stream.readers}, already summed over every instance): reading a
 * gauge costs no query and ties this package to no stream class.
 */
@Component
class LiveReaders {

	static final String GAUGE = "herald.stream.readers";

	/** The stream's tag for a stream of every section. */
	private static final String EVERY_SECTION = "all";

	private final Map<Peak, Integer> peaks = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Clock clock;

	LiveReaders(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	void sample() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		for (Gauge gauge : this.meters.find(GAUGE).gauges()) {
			String section = gauge.getId().getTag("section");
			if (section == null) {
				continue;
			}
			String scope = EVERY_SECTION.equals(section) ? AudienceFeed.OUTLET : section;
			this.peaks.merge(new Peak(today, scope), (int) gauge.value(), Math::max);
		}
	}

	/** The peaks sampled so far, each removed once it has been written out. */
	Map<Peak, Integer> peaks() {
		return this.peaks;
	}

	/** A section's peak on a day. */
	record Peak(LocalDate day, String scope) {

	}

}
