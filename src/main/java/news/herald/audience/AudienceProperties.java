package news.herald.audience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audience counting.
 *
 * @param enabled whether feed requests are counted at all
 * @param flushInterval how often each instance writes its counts to PostgreSQL; a crash
 * loses at most this much
 * @param retention how long daily rows are kept
 * @param salt the secret mixed into every client hash; empty means one generated once and
 * kept in the database, shared by every instance
 * @param maxFeeds how many distinct feeds (scope, format, filter) an instance tracks per
 * day; past it, filtered requests count towards their unfiltered feed
 */
@ConfigurationProperties("herald.audience")
record AudienceProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration flushInterval,
		@DefaultValue("400d") Duration retention, @DefaultValue("") String salt, @DefaultValue("2000") int maxFeeds) {

	AudienceProperties {
		if (flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("herald.audience.flush-interval must be positive");
		}
		if (retention.toDays() < 7) {
			throw new IllegalArgumentException("herald.audience.retention must be at least 7d (the rolling window)");
		}
	}

}
