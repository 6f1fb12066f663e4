package news.herald.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The answer deadline holds where the server's own statement time-out cannot: a stopped
 * server answers no statement (simple or with bound parameters, whose result the driver
 * hands out before the server answers) and no begin, and the caller hears so in time.
 */
class BoundedConnectionFactoryIntegrationTests {

	@Test
	void statementsAndBeginsOfAFrozenServerTimeOut() {
		try (EmbeddedDatabase database = new EmbeddedDatabase(null, freePort())) {
			database.start();
			BoundedConnectionFactory connections = new BoundedConnectionFactory(
					new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
						.host("localhost")
						.port(database.port())
						.username(EmbeddedDatabase.USER)
						.build()),
					Duration.ofSeconds(1));
			Connection connection = Mono.from(connections.create()).block(Duration.ofSeconds(30));
			List<Long> frozen = DatabaseFaults.freeze(database);
			try {
				StepVerifier
					.create(Flux.from(connection.createStatement("select 1").execute())
						.flatMap((result) -> result.map((row) -> row.get(0))))
					.expectError(R2dbcTimeoutException.class)
					.verify(Duration.ofSeconds(5));
				StepVerifier
					.create(Flux.from(connection.createStatement("select $1::int").bind("$1", 7).execute())
						.flatMap((result) -> result.map((row) -> row.get(0))))
					.expectError(R2dbcTimeoutException.class)
					.verify(Duration.ofSeconds(5));
				StepVerifier.create(Mono.from(connection.beginTransaction()))
					.expectError(R2dbcTimeoutException.class)
					.verify(Duration.ofSeconds(5));
			}
			finally {
				DatabaseFaults.thaw(frozen);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
