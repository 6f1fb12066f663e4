package news.herald.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL 17 server of a replicated pair, run from the binaries Herald ships
 * (zonky's {@code initdb}, {@code pg_ctl}, {@code postgres}). A standby is made the way a
 * cold base backup is: a copy of a cleanly stopped primary's data directory with a
 * {@code standby.signal} and a {@code primary_conninfo}, so it starts at the primary's
 * last checkpoint and streams WAL from there.
 */
final class PostgresServer implements AutoCloseable {

	/** Left out of a copy: the running server's lock files. */
	private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

	private final Path dataDir;

	private final int port;

	private final Map<String, String> settings;

	private EmbeddedPostgres postgres;

	private PostgresServer(Path dataDir, int port, Map<String, String> settings) {
		this.dataDir = dataDir;
		this.port = port;
		this.settings = settings;
	}

	/**
	 * Starts a server on {@code dataDir}, creating the cluster when the directory is
	 * empty.
	 */
	static PostgresServer start(Path dataDir, int port, Map<String, String> settings) {
		PostgresServer server = new PostgresServer(dataDir, port, settings);
		server.start();
		return server;
	}

	void start() {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("wal_level", "replica")
				.setServerConfig("max_wal_senders", "5")
				.setServerConfig("wal_receiver_status_interval", "1s")
				.setServerConfig("max_connections", "100")
				// The server's own log goes to a file beside its data, not the test's
				// output.
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log()));
			this.settings.forEach(builder::setServerConfig);
			this.postgres = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the server the way an operator's fast shutdown does, keeping its data. */
	void stop() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.postgres = null;
		}
	}

	/**
	 * Copies this stopped server's data directory to {@code target} as a standby that
	 * streams from {@code primaryPort}.
	 */
	void copyAsStandby(Path target, int primaryPort) throws IOException {
		if (this.postgres != null) {
			throw new IllegalStateException("copy a stopped server only");
		}
		List<Path> sources;
		try (Stream<Path> walk = Files.walk(this.dataDir)) {
			sources = new ArrayList<>(walk.toList());
		}
		for (Path source : sources) {
			if (NOT_COPIED.contains(source.getFileName().toString())) {
				continue;
			}
			Path copy = target.resolve(this.dataDir.relativize(source).toString());
			if (Files.isDirectory(source)) {
				Files.createDirectories(copy);
				// PostgreSQL refuses a data directory others may read.
				Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
			}
			else {
				Files.copy(source, copy);
			}
		}
		Files.writeString(target.resolve("standby.signal"), "");
		Files.writeString(target.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
				+ primaryPort + " user=postgres application_name=standby'\n", StandardOpenOption.APPEND);
	}

	/** Promotes this standby and waits until it takes writes. */
	void promote() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("select pg_promote(true, 60)");
		}
	}

	/** Whether a standby streams from this primary, synchronously when asked. */
	boolean hasStandby(String syncState) throws SQLException {
		return query("select count(*) from pg_stat_replication where state = 'streaming' and sync_state = '" + syncState
				+ "'")
			.equals("1");
	}

	boolean hasNoStandby() throws SQLException {
		return query("select count(*) from pg_stat_replication").equals("0");
	}

	String query(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	List<String> column(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "");
	}

	private java.io.File log() {
		return this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log").toFile();
	}

	Path dataDir() {
		return this.dataDir;
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		stop();
	}

}
