package news.herald.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Herald's PostgreSQL is. With no {@code url} (and no standard
 * {@code spring.r2dbc.url}) an embedded PostgreSQL is started instead.
 *
 * @param url JDBC-style URL of an external database,
 * {@code jdbc:postgresql://host:port/db}
 * @param user user of the external database
 * @param password password of the external database
 * @param embedded the embedded server used when no external database is configured
 */
@ConfigurationProperties("herald.db")
public record DatabaseProperties(String url, String user, String password, @DefaultValue Embedded embedded) {

	/**
	 * @param dataDir data directory kept across restarts; empty for a throw-away one
	 * @param port port to listen on; 0 picks a free one
	 */
	public record Embedded(@DefaultValue("./data/postgres") String dataDir, @DefaultValue("0") int port) {

		public Path dataDirPath() {
			return (this.dataDir == null || this.dataDir.isBlank()) ? null : Path.of(this.dataDir);
		}

	}

}
