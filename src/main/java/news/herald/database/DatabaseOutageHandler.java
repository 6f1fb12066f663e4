package news.herald.database;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import news.herald.http.ProblemWriter;

/**
 * The one place a database fault becomes an answer, for every endpoint: the article API,
 * the ticker page, anything a controller or filter lets fail. An unreachable database, a
 * connection that broke, a time-out (the pool's, the server's, or the answer deadline of
 * {@link BoundedConnectionFactory}) is a 503 problem with {@code Retry-After}; anything
 * else is left to the next handler. Runs before Spring Boot's error handler, which would
 * answer 500.
 */
@Component
@Order(-2)
class DatabaseOutageHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(DatabaseOutageHandler.class);

	private final ProblemWriter problems;

	private final DatabaseProperties properties;

	DatabaseOutageHandler(ProblemWriter problems, DatabaseProperties properties) {
		this.problems = problems;
		this.properties = properties;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!isOutage(ex) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		logger.warn(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
				+ " answered 503, the database is unavailable: " + ex);
		return this.problems.write(exchange, new DatabaseUnavailableException(this.properties.retryAfter(), ex));
	}

	/** Whether {@code ex}, or what caused it, says the database is away or too slow. */
	static boolean isOutage(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof R2dbcTransientException
					|| cause instanceof R2dbcNonTransientResourceException || cause instanceof ConnectException
					|| cause instanceof ClosedChannelException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
