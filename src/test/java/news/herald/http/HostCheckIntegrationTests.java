package news.herald.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A malformed Host header is a 400 problem on every path, not a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=host-check")
class HostCheckIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/rss.xml", "/", "/feeds/world/atom.xml" })
	void malformedHostIs400Problem(String path) throws Exception {
		for (String host : new String[] { "a b", "user@x", "x\"y", "" }) {
			String response = exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
			assertThat(response).as(host).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("content-type: application/problem+json");
			JsonNode problem = JsonMapper.shared().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
			assertThat(problem.get("status").asInt()).isEqualTo(400);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/feeds/rss.xml" })
	void absentHostOnHttp10IsServed(String path) throws Exception {
		assertThat(exchange("GET " + path + " HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200");
	}

	private String exchange(String request) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
