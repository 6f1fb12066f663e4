package news.herald.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

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

	/** Started and not stopped on purpose: a server that died should come back. */
	private volatile boolean wanted;

	EmbeddedDatabase(Path dataDir, int port) {
		this.temporary = (dataDir == null);
		this.dataDir = this.temporary ? createTemporaryDirectory() : dataDir.toAbsolutePath().normalize();
		this.port = port;
	}

	public synchronized void start() {
		this.wanted = true;
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
		this.wanted = false;
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
	 * Starts the server again when it should be running but its postmaster is gone (a
	 * {@code kill -9}, the OOM killer): PostgreSQL's crash recovery replays the WAL, so
	 * every committed write is there again. A stopped (frozen) postmaster is alive and is
	 * left alone.
	 * @return whether the server was found dead and started again
	 * @throws EmbeddedDatabaseException when it could not be started (try again later)
	 */
	synchronized boolean restartIfDied() {
		if (!this.wanted || (this.postgres != null && isPostmasterAlive())) {
			return false;
		}
		logger.warn("The embedded PostgreSQL on port " + this.port + " is not running; starting it again on "
				+ this.dataDir + " (crash recovery)");
		discard();
		start();
		return true;
	}

	/**
	 * Forgets a server whose postmaster died, releasing the data directory's lock; the
	 * library's own stop complains about the missing server, which is expected here.
	 */
	private void discard() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing the dead embedded PostgreSQL failed", ex);
		}
		finally {
			this.postgres = null;
		}
	}

	/**
	 * The process id of the running postmaster, from its {@code postmaster.pid}; empty
	 * when the server is not running.
	 */
	public OptionalLong postmasterPid() {
		Path pidFile = this.dataDir.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private boolean isPostmasterAlive() {
		OptionalLong pid = postmasterPid();
		if (pid.isEmpty()) {
			return false;
		}
		return ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
				&& !isZombie(pid.getAsLong());
	}

	/**
	 * A killed postmaster whose parent has not reaped it yet still has a process entry;
	 * it serves nothing.
	 */
	private static boolean isZombie(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String line = Files.readString(stat);
			int end = line.lastIndexOf(')');
			return end > 0 && end + 2 < line.length() && line.charAt(end + 2) == 'Z';
		}
		catch (IOException ex) {
			// No /proc (macOS): trust ProcessHandle.
			return false;
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
