package news.herald.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Herald's embedded PostgreSQL 17. The data directory outlives the process unless none
 * was configured, in which case a temporary one is used and removed on close. The port
 * stays the same across {@link #stop()} and {@link #start()} so that connection URLs
 * remain valid.
 */
public class EmbeddedDatabase implements AutoCloseable {

	static final String USER = "postgres";

	private static final Log logger = LogFactory.getLog(EmbeddedDatabase.class);

	private final Path dataDir;

	private final boolean temporary;

	private final int port;

	private EmbeddedPostgres postgres;

	EmbeddedDatabase(Path dataDir, int port) {
		this.temporary = (dataDir == null);
		this.dataDir = this.temporary ? createTemporaryDirectory() : dataDir.toAbsolutePath().normalize();
		this.port = port;
	}

	public synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		ensurePortFree();
		try {
			Files.createDirectories(this.dataDir);
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				// The library defaults trade durability for speed, which only a
				// throw-away
				// directory can afford: a kept one must survive a crash or power loss.
				.setServerConfig("fsync", durable())
				.setServerConfig("synchronous_commit", durable())
				.setServerConfig("full_page_writes", durable())
				.start();
		}
		catch (IllegalStateException ex) {
			if (ex instanceof OverlappingFileLockException
					|| String.valueOf(ex.getMessage()).contains("could not lock")) {
				throw new EmbeddedDatabaseException("The embedded PostgreSQL data directory " + this.dataDir
						+ " is in use by another Herald instance.", ex);
			}
			throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start on port " + this.port
					+ " with data directory " + this.dataDir + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start on port " + this.port
					+ " with data directory " + this.dataDir + ": " + ex.getMessage(), ex);
		}
		logger.info("Embedded PostgreSQL 17 is listening on jdbc:postgresql://localhost:" + this.port
				+ "/postgres (user postgres), data in " + this.dataDir);
	}

	/**
	 * Stops the server, keeping its data; {@link #start()} brings it back on the same
	 * port.
	 */
	public synchronized void stop() {
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

	private String durable() {
		return this.temporary ? "off" : "on";
	}

	public int port() {
		return this.port;
	}

	@Override
	public synchronized void close() {
		stop();
		if (this.temporary) {
			try {
				FileSystemUtils.deleteRecursively(this.dataDir);
			}
			catch (IOException ex) {
				logger.warn("Could not remove temporary database directory " + this.dataDir, ex);
			}
		}
	}

	private void ensurePortFree() {
		try (ServerSocket socket = new ServerSocket(this.port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException(
					"Port " + this.port + " for the embedded PostgreSQL is already in use by another process.", ex);
		}
	}

	private static Path createTemporaryDirectory() {
		try {
			return Files.createTempDirectory("herald-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
