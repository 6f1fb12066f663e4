package news.herald.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when {@link DatabaseEnvironment} chose it, before Flyway
 * and R2DBC connect, stops it after they are closed, and restarts it when it dies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DatabaseEnvironment.EMBEDDED_ACTIVE)
class EmbeddedPostgresConfiguration {

	static final String BEAN_NAME = "embeddedDatabase";

	@Bean(name = BEAN_NAME, destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
		EmbeddedDatabase database = new EmbeddedDatabase(properties.embedded().dataDirPath(),
				properties.embedded().port());
		database.start();
		return database;
	}

	@Bean
	EmbeddedDatabaseWatchdog embeddedDatabaseWatchdog(EmbeddedDatabase database, DatabaseProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		return new EmbeddedDatabaseWatchdog(database, properties.embedded().watchInterval(), registry);
	}

	@Bean
	static ConnectionFactoryDependsOnEmbeddedDatabase connectionFactoryDependsOnEmbeddedDatabase() {
		return new ConnectionFactoryDependsOnEmbeddedDatabase();
	}

	@Bean
	static FlywayDependsOnEmbeddedDatabase flywayDependsOnEmbeddedDatabase() {
		return new FlywayDependsOnEmbeddedDatabase();
	}

	/** R2DBC connects only once the embedded server is up, and closes before it stops. */
	static final class ConnectionFactoryDependsOnEmbeddedDatabase extends AbstractDependsOnBeanFactoryPostProcessor {

		ConnectionFactoryDependsOnEmbeddedDatabase() {
			super(ConnectionFactory.class, BEAN_NAME);
		}

	}

	/**
	 * Migrations run once the embedded server is up (the initializer depends on Flyway).
	 */
	static final class FlywayDependsOnEmbeddedDatabase extends AbstractDependsOnBeanFactoryPostProcessor {

		FlywayDependsOnEmbeddedDatabase() {
			super(Flyway.class, BEAN_NAME);
		}

	}

}
