package news.herald.failover;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import news.herald.HeraldApplication;

/** One Herald instance, talking to PostgreSQL only through the {@code -rw} proxy. */
final class HeraldInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private HeraldInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static HeraldInstance start(int databasePort) {
		String db = "127.0.0.1:" + databasePort + "/postgres";
		return new HeraldInstance(new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--spring.r2dbc.url=r2dbc:postgresql://" + db, "--spring.r2dbc.username=postgres",
				"--spring.r2dbc.pool.initial-size=1", "--spring.r2dbc.pool.max-size=6",
				"--spring.flyway.url=jdbc:postgresql://" + db, "--spring.flyway.user=postgres",
				"--herald.publishing.demo-content=false"));
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
