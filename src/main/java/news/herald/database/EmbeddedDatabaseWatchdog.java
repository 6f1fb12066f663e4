package news.herald.database;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;

import news.herald.system.BackgroundSubscription;
import news.herald.system.LifecyclePhases;

/**
 * Keeps the embedded PostgreSQL running: every {@code watchInterval} it checks that the
 * postmaster is alive and, when it died, starts it again on the same data directory and
 * port, so the connection pool reconnects by itself. Checks and restarts run on a thread
 * that may block (starting PostgreSQL takes a second or two), never on a reactor thread.
 * Restarts are counted in {@code herald.db.embedded.restarts}.
 */
class EmbeddedDatabaseWatchdog extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(EmbeddedDatabaseWatchdog.class);

	private final EmbeddedDatabase database;

	private final Duration interval;

	private final Counter restarts;

	EmbeddedDatabaseWatchdog(EmbeddedDatabase database, Duration interval, ObjectProvider<MeterRegistry> registry) {
		// Starts before anything that talks to the database and stops after all of it.
		super(LifecyclePhases.BELOW_WEB_SERVER - 1);
		this.database = database;
		this.interval = interval;
		MeterRegistry meters = registry.getIfAvailable();
		this.restarts = (meters != null) ? Counter.builder("herald.db.embedded.restarts")
			.description("Times the embedded PostgreSQL was found dead and started again")
			.register(meters) : null;
	}

	@Override
	public void start() {
		if (isRunning()) {
			return;
		}
		running(Flux.interval(this.interval, this.interval, Schedulers.boundedElastic())
			// A restart that takes longer than the interval skips ticks.
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.fromRunnable(this::check).subscribeOn(Schedulers.boundedElastic()), 1)
			.subscribe());
	}

	private void check() {
		try {
			if (this.database.restartIfDied()) {
				logger.warn("The embedded PostgreSQL was restarted after it died");
				if (this.restarts != null) {
					this.restarts.increment();
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not restart the embedded PostgreSQL (" + ex.getMessage() + "); trying again in "
					+ this.interval.toMillis() + " ms");
		}
	}

}
