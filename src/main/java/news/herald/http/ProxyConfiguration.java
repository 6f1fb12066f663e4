package news.herald.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One list of trusted reverse proxies for everything that reads forwarding headers: an
 * operator names the proxies in front of Herald once, not once per feature.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	@Bean
	TrustedProxies trustedProxies(HttpProperties herald) {
		return TrustedProxies.of("herald.http.trusted-proxies", herald.trustedProxies());
	}

}
