package news.herald.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private final ClientAddress address = new ClientAddress(news.herald.http.TrustedProxies
		.of("herald.http.trusted-proxies", List.of("10.0.0.0/8", "192.168.1.1", "::1")));

	@Test
	void peerIsTheClientWhenItIsNoTrustedProxy() {
		assertThat(this.address.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void trustedProxyNamesTheClientInXForwardedFor() {
		assertThat(this.address.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(this.address.of(request("192.168.1.1", "198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
	}

	@Test
	void spoofedEntriesBeforeTheFirstUntrustedHopAreIgnored() {
		assertThat(this.address.of(request("10.1.2.3", "1.1.1.1, 198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void hostNamesInTheHeaderStopTheWalk() {
		assertThat(this.address.of(request("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
	}

	@Test
	void ipv6AndMappedAddressesMatch() {
		assertThat(this.address.of(request("::1", "2001:db8::1"))).isEqualTo("2001:db8::1");
	}

	@Test
	void bytesNameTheSameClientUnformatted() throws Exception {
		assertThat(this.address.bytesOf(request("10.1.2.3", "198.51.100.1")))
			.isEqualTo(java.net.InetAddress.getByName("198.51.100.1").getAddress());
		assertThat(this.address.bytesOf(request("203.0.113.9", "198.51.100.1")))
			.isEqualTo(java.net.InetAddress.getByName("203.0.113.9").getAddress());
		assertThat(this.address.bytesOf(MockServerHttpRequest.get("/stream").build())).isNull();
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		return MockServerHttpRequest.get("/stream")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header("X-Forwarded-For", forwardedFor)
			.build();
	}

}
