package news.herald.feed;

import java.time.Instant;

/**
 * The newest article event that touched a feed: what its {@code ETag} and
 * {@code Last-Modified} are derived from. Id 0 means no event has touched it yet. The
 * event's timeline is part of it: after an asynchronous failover the same id may name
 * another event, and the feed must not look unchanged.
 */
record FeedStamp(long eventId, int timeline, Instant at) {

	static final FeedStamp NONE = new FeedStamp(0, 0, null);

	FeedStamp newer(FeedStamp other) {
		return (other.eventId > this.eventId) ? other : this;
	}

	/** Whether both name the same event, and so the same state of the feed. */
	boolean sameEvent(FeedStamp other) {
		return this.eventId == other.eventId && this.timeline == other.timeline;
	}

	/**
	 * The event as an entity tag names it: {@code <timeline>-<id>}, or {@code 0} when no
	 * event has touched the feed.
	 */
	String token() {
		return (this.eventId == 0) ? "0" : this.timeline + "-" + this.eventId;
	}

}
