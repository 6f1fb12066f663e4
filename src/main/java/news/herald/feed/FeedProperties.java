package news.herald.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the syndication feeds are sized, cached and addressed.
 *
 * @param ttl how long a reader may keep a feed before polling again (RSS {@code ttl})
 * @param defaultLimit items per page when {@code ?limit=} is absent
 * @param maxLimit the largest {@code ?limit=} accepted
 * @param maxAge {@code Cache-Control: max-age}
 * @param staleWhileRevalidate {@code Cache-Control: stale-while-revalidate}
 * @param staleIfError {@code Cache-Control: stale-if-error}
 * @param retryAfter {@code Retry-After} of a 503 while the database is unreachable
 * @param renderTimeout how long a render may wait for the database
 * @param cacheBytes upper bound of the rendered-feed cache (plain, gzip and Brotli bytes)
 * @param logoUrl absolute URL of the outlet's logo; defaults to Herald's own
 */
@ConfigurationProperties("herald.feeds")
record FeedProperties(@DefaultValue("15m") Duration ttl, @DefaultValue("50") int defaultLimit,
		@DefaultValue("200") int maxLimit, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("5m") Duration staleWhileRevalidate, @DefaultValue("1d") Duration staleIfError,
		@DefaultValue("30s") Duration retryAfter, @DefaultValue("10s") Duration renderTimeout,
		@DefaultValue("64MB") DataSize cacheBytes, String logoUrl) {

	String cacheControl() {
		return "public, max-age=" + this.maxAge.toSeconds() + ", stale-while-revalidate="
				+ this.staleWhileRevalidate.toSeconds() + ", stale-if-error=" + this.staleIfError.toSeconds();
	}

}
