package news.herald.http;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	@Test
	void rangesMatchIpv4AndItsMappedIpv6Form() throws Exception {
		TrustedProxies proxies = TrustedProxies.of("test", List.of("10.0.0.0/8", "::1"));
		assertThat(proxies.contains(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 1, 1 }))
			.isTrue();
		assertThat(proxies.contains(InetAddress.getByName("10.200.0.1"))).isTrue();
		assertThat(proxies.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
		assertThat(proxies.contains(InetAddress.getByName("::1"))).isTrue();
		assertThat(TrustedProxies.of("test", List.of()).isEmpty()).isTrue();
	}

	@Test
	void badRangeIsRejectedAtStartUpNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of("herald.x", List.of("10.0.0.0/33")))
			.withMessageContaining("herald.x");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of("herald.x", List.of("proxy.internal")))
			.withMessageContaining("not an IP address");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of("herald.x", List.of("10.0.0.0/abc")));
	}

}
