package news.herald.database;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The driver's connections, each waiting at most a deadline for any answer of the server.
 * PostgreSQL's own {@code statement_timeout} needs a server that runs: a frozen one
 * (stopped, swapping, a network that drops packets without a reset) would otherwise hold
 * a request, and its pooled connection, for as long as it is frozen. Sits under the pool,
 * which bounds acquiring a connection on its own.
 */
final class BoundedConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory delegate;

	private final Duration deadline;

	BoundedConnectionFactory(ConnectionFactory delegate, Duration deadline) {
		this.delegate = delegate;
		this.deadline = deadline;
	}

	@Override
	public Publisher<? extends Connection> create() {
		return Mono.from(this.delegate.create()).map((connection) -> new BoundedConnection(connection, this));
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.delegate;
	}

	/** The first signal of {@code answer}, or a time-out error after the deadline. */
	<T> Mono<T> bound(Publisher<T> answer, String what) {
		return Mono.from(answer).timeout(this.deadline, Mono.error(() -> timedOut(what)));
	}

	R2dbcTimeoutException timedOut(String what) {
		return new R2dbcTimeoutException(
				"The database did not answer " + what + " within " + this.deadline.toMillis() + " ms");
	}

	Duration deadline() {
		return this.deadline;
	}

}
