package news.herald.event;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code eventRelay}: DOWN while the LISTEN connection is lost: this
 * instance would serve live streams and feed validators that lag behind other instances,
 * so a load balancer should prefer another.
 */
@Component
class EventRelayHealthIndicator implements HealthIndicator {

	private final EventRelay relay;

	EventRelayHealthIndicator(EventRelay relay) {
		this.relay = relay;
	}

	@Override
	public Health health() {
		Health.Builder health = this.relay.isConnected() ? Health.up() : Health.down();
		return health.withDetail("lastDeliveredEventId", this.relay.lastDelivered()).build();
	}

}
