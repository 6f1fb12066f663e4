package news.herald.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live headline streams ({@code /stream}).
 *
 * @param maxStreams open streams one instance serves at most; more get 429
 * @param maxStreamsPerAddress open streams one client address may hold at most
 * @param heartbeat interval of the {@code : keep-alive} comment that keeps proxies from
 * closing an idle stream and lets the server notice dead clients
 * @param retention how far back {@code Last-Event-ID} can resume; an older id gets
 * {@code event: reset}
 * @param buffer events queued for one subscriber that is not reading; one more and its
 * stream is closed (the client resumes by id)
 * @param retry reconnection delay the stream asks clients to wait ({@code retry:}), also
 * the {@code Retry-After} of a refused stream
 * @param windowSize article events each instance keeps encoded in memory for resumes and
 * backfills; 0 turns the window off
 * @param windowAge events older than this leave the window (it never reaches further back
 * than {@code retention})
 */
@ConfigurationProperties("herald.stream")
public record StreamProperties(@DefaultValue("10000") int maxStreams, @DefaultValue("50") int maxStreamsPerAddress,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("7d") Duration retention,
		@DefaultValue("256") int buffer, @DefaultValue("5s") Duration retry, @DefaultValue("4096") int windowSize,
		@DefaultValue("1h") Duration windowAge, @DefaultValue("5s") Duration presenceReport,
		@DefaultValue("30s") Duration presenceExpiry, @DefaultValue("10s") Duration presenceEvents,
		@DefaultValue("10") int maxSections) {

	public StreamProperties {
		if (presenceReport.isNegative() || presenceReport.isZero() || presenceEvents.isNegative()
				|| presenceEvents.isZero() || presenceExpiry.compareTo(presenceReport) <= 0) {
			throw new IllegalArgumentException("herald.stream.presence-report and presence-events must be positive, "
					+ "and presence-expiry longer than presence-report");
		}
		if (maxSections < 1) {
			throw new IllegalArgumentException("herald.stream.max-sections must be at least 1");
		}
		if (windowSize < 0 || windowAge.isNegative()) {
			throw new IllegalArgumentException("herald.stream.window-size and window-age must not be negative");
		}
		if (maxStreams < 1 || maxStreamsPerAddress < 1 || buffer < 1) {
			throw new IllegalArgumentException(
					"herald.stream.max-streams, max-streams-per-address and buffer must be at least 1");
		}
		if (heartbeat.isNegative() || heartbeat.isZero() || retry.isNegative() || retention.isNegative()) {
			throw new IllegalArgumentException(
					"herald.stream.heartbeat must be positive, retry and retention " + "must not be negative");
		}
	}

}
