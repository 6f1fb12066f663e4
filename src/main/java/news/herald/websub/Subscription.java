package news.herald.websub;

import java.time.Instant;

/** A verified subscription: one callback following one topic until its lease ends. */
record Subscription(long id, String topic, String base, String callback, String secret, int leaseSeconds,
		Instant verifiedAt, Instant expiresAt) {

}
