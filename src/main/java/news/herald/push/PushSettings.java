package news.herald.push;

import java.time.Duration;

/**
 * How the push engine delivers: the protocol that uses it supplies these from its own
 * settings.
 *
 * @param attempts attempts per delivery before it is given up
 * @param firstBackoff wait before the first retry; doubles with each retry, with jitter
 * @param maxBackoff longest wait between two attempts
 * @param concurrency deliveries in flight per instance
 * @param connectTimeout time to connect to a destination
 * @param readTimeout time for a destination to answer
 * @param claimLease how long a claimed delivery belongs to the instance that claimed it
 * @param pollInterval how often due deliveries are looked for without a wake-up
 * @param allowPrivateDestinations whether destinations may resolve to loopback, private,
 * link-local or multicast addresses
 */
public record PushSettings(int attempts, Duration firstBackoff, Duration maxBackoff, int concurrency,
		Duration connectTimeout, Duration readTimeout, Duration claimLease, Duration pollInterval,
		boolean allowPrivateDestinations) {

}
