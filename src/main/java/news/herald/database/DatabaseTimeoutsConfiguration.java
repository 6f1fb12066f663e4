package news.herald.database;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long Herald waits for its database, whichever it is: the server's own time-outs
 * ({@code statement_timeout}, {@code lock_timeout}) for a server that runs but is slow, a
 * deadline on every answer for one that does not answer at all, and a health check that
 * says DOWN instead of waiting. The pool's own bounds (acquiring, creating and validating
 * a connection) are set from the same settings in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeoutsConfiguration {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer databaseServerTimeouts(DatabaseProperties properties) {
		return (options) -> options
			.option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, properties.statementTimeout())
			.option(PostgresqlConnectionFactoryProvider.LOCK_WAIT_TIMEOUT, properties.lockWaitTimeout())
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, properties.connectTimeout());
	}

	@Bean
	ConnectionFactoryDecorator databaseAnswerDeadline(DatabaseProperties properties) {
		return (connections) -> new BoundedConnectionFactory(connections, properties.answerTimeout());
	}

	/**
	 * Replaces Spring Boot's {@code r2dbc} check, which waits as long as the database
	 * does.
	 */
	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connections, DatabaseProperties properties) {
		return new DatabaseHealthIndicator(connections, properties.healthTimeout());
	}

}
