package news.herald.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, which PostgreSQL Herald talks to, and writes the R2DBC
 * and Flyway connection properties for it. Runs after the configuration files are read.
 * <ul>
 * <li>{@code spring.r2dbc.url} set: the standard Spring properties are used as they
 * are.</li>
 * <li>{@code herald.db.url} set: R2DBC and Flyway URLs are derived from it.</li>
 * <li>neither: an embedded PostgreSQL is started (see
 * {@link EmbeddedPostgresConfiguration}).</li>
 * </ul>
 */
public class DatabaseEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** Set to true when Herald runs on its embedded PostgreSQL. */
	public static final String EMBEDDED_ACTIVE = "herald.db.embedded-active";

	private static final String SOURCE_NAME = "heraldDatabase";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		if (StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
			return;
		}
		DatabaseProperties database = Binder.get(environment).bindOrCreate("herald.db", DatabaseProperties.class);
		Map<String, Object> properties = StringUtils.hasText(database.url()) ? external(database)
				: embedded(database.embedded());
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
	}

	private Map<String, Object> external(DatabaseProperties database) {
		String jdbcUrl = database.url().startsWith("jdbc:") ? database.url() : "jdbc:" + database.url();
		if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException(
					"HERALD_DB_URL must look like jdbc:postgresql://host:5432/herald, got " + database.url());
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.r2dbc.url", "r2dbc:" + jdbcUrl.substring("jdbc:".length()));
		properties.put("spring.flyway.url", jdbcUrl);
		putIfText(properties, "spring.r2dbc.username", database.user());
		putIfText(properties, "spring.flyway.user", database.user());
		putIfText(properties, "spring.r2dbc.password", database.password());
		putIfText(properties, "spring.flyway.password", database.password());
		return properties;
	}

	private Map<String, Object> embedded(DatabaseProperties.Embedded embedded) {
		int port = (embedded.port() != 0) ? embedded.port() : freePort();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(EMBEDDED_ACTIVE, "true");
		properties.put("herald.db.embedded.port", String.valueOf(port));
		properties.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres");
		properties.put("spring.r2dbc.username", EmbeddedDatabase.USER);
		properties.put("spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres");
		properties.put("spring.flyway.user", EmbeddedDatabase.USER);
		return properties;
	}

	private static void putIfText(Map<String, Object> properties, String name, String value) {
		if (StringUtils.hasText(value)) {
			properties.put(name, value);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("no free local port for the embedded PostgreSQL", ex);
		}
	}

}
