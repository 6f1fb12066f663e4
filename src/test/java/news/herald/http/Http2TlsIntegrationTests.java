package news.herald.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a certificate configured, browsers get HTTP/2 by ALPN on the same port (they never
 * speak h2c), and clients that only speak HTTP/1.1 over TLS still do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=http2-tls")
class Http2TlsIntegrationTests {

	private static final String PASSWORD = "herald-test";

	private static Path keyStore;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void certificate(DynamicPropertyRegistry registry) throws Exception {
		keyStore = selfSigned();
		registry.add("server.ssl.key-store", () -> keyStore.toUri().toString());
		registry.add("server.ssl.key-store-password", () -> PASSWORD);
		registry.add("server.ssl.key-store-type", () -> "PKCS12");
	}

	@Test
	void feedsAreServedOverH2ByAlpn() throws Exception {
		HttpResponse<String> response = get(HttpClient.Version.HTTP_2, "/feeds/atom.xml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.body()).contains("<feed");
	}

	@Test
	void http11OverTlsStillWorks() throws Exception {
		HttpResponse<String> response = get(HttpClient.Version.HTTP_1_1, "/feeds/rss.xml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
		assertThat(response.body()).contains("<rss");
	}

	private HttpResponse<String> get(HttpClient.Version version, String path) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(version)
			.sslContext(trusting())
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		// The certificate names localhost, so the client checks it like any other.
		HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Trusts exactly the test's own certificate. */
	private static SSLContext trusting() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(keyStore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static Path selfSigned() throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("herald-tls");
		Path store = dir.resolve("localhost.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "localhost", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		store.toFile().deleteOnExit();
		dir.toFile().deleteOnExit();
		return store;
	}

}
