package news.herald.http;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicUrlsTests {

	private static PublicUrls urls(String baseUrl, List<String> trustedProxies) {
		return new PublicUrls(new HttpProperties(baseUrl, trustedProxies),
				TrustedProxies.of("herald.http.trusted-proxies", trustedProxies));
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String remote) {
		return MockServerHttpRequest.get("http://herald.internal:8080/feeds/rss.xml")
			.remoteAddress(new InetSocketAddress(remote, 44321));
	}

	@Test
	void configuredBaseUrlWinsOverEverything() {
		PublicUrls urls = urls("https://news.example/herald/", List.of("10.0.0.0/8"));
		assertThat(urls.base(from("10.1.2.3").header("X-Forwarded-Host", "evil.example").build()))
			.isEqualTo("https://news.example/herald");
	}

	@Test
	void withoutTrustedProxiesTheRequestUrlIsUsedAndForwardedHeadersIgnored() {
		PublicUrls urls = urls(null, List.of());
		assertThat(urls.base(from("10.1.2.3").header("X-Forwarded-Host", "evil.example").build()))
			.isEqualTo("http://herald.internal:8080");
	}

	@Test
	void forwardedHeadersFromATrustedProxyAreBelieved() {
		PublicUrls urls = urls(null, List.of("10.0.0.0/8", "::1"));
		assertThat(urls.base(from("10.1.2.3").header("Forwarded", "for=1.2.3.4;proto=https;host=news.example").build()))
			.isEqualTo("https://news.example");
		assertThat(urls.base(from("10.1.2.3").header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "news.example")
			.header("X-Forwarded-Port", "8443")
			.header("X-Forwarded-Prefix", "/herald")
			.build())).isEqualTo("https://news.example:8443/herald");
		assertThat(urls.base(from("192.168.1.1").header("X-Forwarded-Host", "evil.example").build()))
			.isEqualTo("http://herald.internal:8080");
	}

	@Test
	void malformedForwardedValuesFallBackToTheRequest() {
		PublicUrls urls = urls(null, List.of("10.0.0.0/8"));
		assertThat(urls.base(from("10.1.2.3").header("X-Forwarded-Host", "news.example/<script>").build()))
			.isEqualTo("http://herald.internal:8080");
		assertThat(urls.base(from("10.1.2.3").header("X-Forwarded-Proto", "javascript")
			.header("X-Forwarded-Host", "news.example")
			.build())).isEqualTo("http://herald.internal:8080");
	}

}
