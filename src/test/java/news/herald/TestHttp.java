package news.herald;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP clients for tests: a new connection per request. The test JVM runs many servers
 * that start, pause and stop while one shared connection pool would keep connections to
 * them; a request sent on a connection kept from an earlier server's life could wait for
 * an answer that never comes. Also registered as a test auto-configuration, so the
 * {@code WebTestClient} Spring Boot injects is built the same way.
 */
@AutoConfiguration
public class TestHttp {

	/**
	 * Reactor Netty's client without connection pooling, asking for and decoding gzip as
	 * Spring's default connector does.
	 */
	public static HttpClient client() {
		return rawClient().compress(true);
	}

	/** The same without compression: the bytes on the wire as the server sent them. */
	public static HttpClient rawClient() {
		return HttpClient.create(ConnectionProvider.newConnection());
	}

	/** A WebTestClient for a server on localhost. */
	public static WebTestClient server(int port) {
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(client()))
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Bean
	WebTestClientBuilderCustomizer unpooledTestConnections() {
		return (builder) -> builder.clientConnector(new ReactorClientHttpConnector(client()));
	}

}
