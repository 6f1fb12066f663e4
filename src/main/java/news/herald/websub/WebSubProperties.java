package news.herald.websub;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WebSub: Herald's own hub at {@code /websub}, or an external hub told about every feed
 * change instead.
 *
 * @param hubUrl an external WebSub hub to ping and announce; Herald's own hub when empty
 * @param maxAttempts attempts per ping of the external hub before giving up
 * @param firstBackoff wait before the first retry of a ping; doubles with each retry
 * @param hubEnabled whether Herald runs its own hub when no external one is set
 * @param defaultLease lease granted when a subscriber asks for none
 * @param minLease shortest lease granted
 * @param maxLease longest lease granted
 * @param maxSubscriptions verified subscriptions in total
 * @param maxSubscriptionsPerTopic verified subscriptions to one feed
 * @param maxSubscriptionsPerHost verified subscriptions whose callbacks share a host
 * @param allowPrivateCallbacks whether callbacks may resolve to loopback, private,
 * link-local or multicast addresses
 * @param deliveryAttempts attempts per delivery before it is given up
 * @param deliveryFirstBackoff wait before a delivery's first retry; doubles (with jitter)
 * @param deliveryMaxBackoff longest wait between two attempts
 * @param deliveryConcurrency deliveries in flight per instance
 * @param connectTimeout time to connect to a callback
 * @param readTimeout time for a callback to answer
 * @param claimLease how long a claimed delivery stays with its instance before another
 * may take it; longer than two connects and reads, as a claimed delivery may wait for a
 * slot
 * @param pollInterval how often each instance looks for due deliveries of other
 * instances' events and retries
 */
@ConfigurationProperties("herald.websub")
record WebSubProperties(URI hubUrl, @DefaultValue("6") int maxAttempts, @DefaultValue("500ms") Duration firstBackoff,
		@DefaultValue("true") boolean hubEnabled, @DefaultValue("10d") Duration defaultLease,
		@DefaultValue("5m") Duration minLease, @DefaultValue("30d") Duration maxLease,
		@DefaultValue("10000") int maxSubscriptions, @DefaultValue("2000") int maxSubscriptionsPerTopic,
		@DefaultValue("1000") int maxSubscriptionsPerHost, @DefaultValue("false") boolean allowPrivateCallbacks,
		@DefaultValue("8") int deliveryAttempts, @DefaultValue("5s") Duration deliveryFirstBackoff,
		@DefaultValue("1h") Duration deliveryMaxBackoff, @DefaultValue("64") int deliveryConcurrency,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("60s") Duration claimLease, @DefaultValue("2s") Duration pollInterval) {

	/** Whether an external hub is configured (then Herald's own is off). */
	boolean external() {
		return this.hubUrl != null && !this.hubUrl.toString().isBlank();
	}

	/** Whether Herald's own hub takes subscriptions and distributes content. */
	boolean ownHub() {
		return !external() && this.hubEnabled;
	}

}
