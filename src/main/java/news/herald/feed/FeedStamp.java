package news.herald.feed;

import java.time.Instant;

/**
 * The newest article event that touched a feed: what its {@code ETag} and
 * {@code Last-Modified} are derived from. Id 0 means no event has touched it yet.
 */
record FeedStamp(long eventId, Instant at) {

	static final FeedStamp NONE = new FeedStamp(0, null);

	FeedStamp newer(FeedStamp other) {
		return (other.eventId > this.eventId) ? other : this;
	}

}
