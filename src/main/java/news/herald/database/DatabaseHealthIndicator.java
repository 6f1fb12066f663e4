package news.herald.database;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;

/**
 * Health contributor {@code r2dbc}: Spring Boot's connection check, DOWN when the
 * database has not answered within {@code herald.db.health-timeout}. A frozen database
 * then takes the instance out of readiness within seconds rather than holding every
 * probe.
 */
final class DatabaseHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveHealthIndicator check;

	private final Duration timeout;

	DatabaseHealthIndicator(ConnectionFactory connections, Duration timeout) {
		this.check = new ConnectionFactoryHealthIndicator(connections);
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return this.check.health()
			.timeout(this.timeout,
					Mono.fromSupplier(() -> Health.down()
						.withDetail("error", "The database did not answer within " + this.timeout.toMillis() + " ms")
						.build()));
	}

}
