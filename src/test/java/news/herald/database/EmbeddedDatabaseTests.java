package news.herald.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import news.herald.HeraldApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

	@Test
	void secondServerOnTheSameDataDirectoryFailsWithAClearMessage(@TempDir Path dir) throws IOException {
		try (EmbeddedDatabase first = new EmbeddedDatabase(dir, freePort())) {
			first.start();
			EmbeddedDatabase second = new EmbeddedDatabase(dir, freePort());
			assertThatThrownBy(second::start).isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("is in use by another Herald instance");
		}
	}

	@Test
	void aKeptDataDirectoryIsCrashSafe(@TempDir Path dir) throws Exception {
		try (EmbeddedDatabase database = new EmbeddedDatabase(dir, freePort());
				EmbeddedDatabase throwAway = new EmbeddedDatabase(null, freePort())) {
			database.start();
			throwAway.start();
			assertThat(setting(database, "fsync")).isEqualTo("on");
			assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(database, "full_page_writes")).isEqualTo("on");
			assertThat(setting(throwAway, "fsync")).isEqualTo("off");
		}
	}

	private static String setting(EmbeddedDatabase database, String name) throws Exception {
		try (Connection connection = connect(database.port());
				ResultSet rows = connection.createStatement().executeQuery("show " + name)) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Test
	void takenPortFailsWithAClearMessage(@TempDir Path dir) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			EmbeddedDatabase database = new EmbeddedDatabase(dir, taken.getLocalPort());
			assertThatThrownBy(database::start).isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("Port " + taken.getLocalPort())
				.hasMessageContaining("already in use");
		}
	}

	@Test
	void stopAndStartKeepsPortAndData(@TempDir Path dir) throws Exception {
		try (EmbeddedDatabase database = new EmbeddedDatabase(dir, freePort())) {
			database.start();
			int port = database.port();
			try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
				statement.execute("create table desk_note (note text)");
				statement.execute("insert into desk_note values ('kept across a restart')");
			}
			database.stop();
			assertThatThrownBy(() -> connect(port).close()).isInstanceOf(SQLException.class);
			database.start();
			// The connection URL of before the restart reaches the same data again.
			try (Connection connection = connect(port);
					ResultSet rows = connection.createStatement().executeQuery("select note from desk_note")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("kept across a restart");
				assertThat(rows.next()).isFalse();
			}
		}
	}

	private static Connection connect(int port) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
	}

	@Test
	void applicationOnATakenPortStopsWithTheAnalyzersMessage(@TempDir Path dir) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
					"--herald.db.embedded.data-dir=" + dir, "--herald.db.embedded.port=" + taken.getLocalPort()))
				.satisfies((ex) -> {
					EmbeddedDatabaseException cause = findCause(ex);
					FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(ex);
					assertThat(analysis.getDescription()).isEqualTo(cause.getMessage()).contains("already in use");
					assertThat(analysis.getAction()).contains("HERALD_DB_EMBEDDED_PORT");
				});
		}
	}

	private static EmbeddedDatabaseException findCause(Throwable ex) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof EmbeddedDatabaseException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isNotNull();
		return (EmbeddedDatabaseException) cause;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
