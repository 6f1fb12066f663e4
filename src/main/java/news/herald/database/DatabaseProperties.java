package news.herald.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Herald's PostgreSQL is, and how long Herald waits for it. With no {@code url}
 * (and no standard {@code spring.r2dbc.url}) an embedded PostgreSQL is started instead.
 *
 * @param url JDBC-style URL of an external database,
 * {@code jdbc:postgresql://host:port/db}
 * @param user user of the external database
 * @param password password of the external database
 * @param statementTimeout the server cancels a statement running longer
 * ({@code statement_timeout}); Herald itself gives up on any answer (a statement, a
 * begin, a commit) one second after it, so a frozen server is noticed too
 * @param lockWaitTimeout the server gives up waiting for a row lock after this
 * ({@code lock_timeout})
 * @param connectTimeout how long opening a TCP connection may take
 * @param acquireTimeout how long a request waits for a pooled connection (acquiring or
 * opening one included)
 * @param healthTimeout the {@code r2dbc} health check reports DOWN when the database has
 * not answered within this
 * @param retryAfter {@code Retry-After} of a 503 while the database is unreachable
 * @param embedded the embedded server used when no external database is configured
 */
@ConfigurationProperties("herald.db")
public record DatabaseProperties(String url, String user, String password,
		@DefaultValue("5s") Duration statementTimeout, @DefaultValue("3s") Duration lockWaitTimeout,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("5s") Duration acquireTimeout,
		@DefaultValue("2s") Duration healthTimeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue Embedded embedded) {

	/** Grace beyond the server's own statement timeout before Herald stops waiting. */
	static final Duration ANSWER_GRACE = Duration.ofSeconds(1);

	public DatabaseProperties {
		for (Duration timeout : new Duration[] { statementTimeout, lockWaitTimeout, connectTimeout, acquireTimeout,
				healthTimeout, retryAfter }) {
			if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
				throw new IllegalArgumentException("herald.db time-outs and retry-after must be positive");
			}
		}
	}

	/** How long Herald waits for any one answer of the database. */
	Duration answerTimeout() {
		return this.statementTimeout.plus(ANSWER_GRACE);
	}

	/**
	 * @param dataDir data directory kept across restarts; empty for a throw-away one
	 * @param port port to listen on; 0 picks a free one
	 * @param watchInterval how often the server's process is checked; one that died is
	 * started again on the same data directory and port (crash recovery keeps every
	 * committed write)
	 */
	public record Embedded(@DefaultValue("./data/postgres") String dataDir, @DefaultValue("0") int port,
			@DefaultValue("1s") Duration watchInterval) {

		public Path dataDirPath() {
			return (this.dataDir == null || this.dataDir.isBlank()) ? null : Path.of(this.dataDir);
		}

	}

}
