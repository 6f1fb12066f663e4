package news.herald.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How far back RFC 3229 feed deltas ({@code A-IM: feed}) reach.
 *
 * @param enabled whether {@code A-IM: feed} is honoured at all; off, every request gets
 * the full feed as before
 * @param maxEvents a client whose {@code ETag} is more event ids behind the feed than
 * this gets the full feed: it bounds the outbox read behind a delta
 * @param cacheBytes upper bound of the rendered-delta cache (plain, gzip and Brotli
 * bytes)
 */
@ConfigurationProperties("herald.feeds.delta")
record FeedDeltaProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") int maxEvents,
		@DefaultValue("8MB") DataSize cacheBytes) {

}
