package news.herald.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.herald.config.HeraldProperties;

/**
 * One list of trusted reverse proxies for everything that reads forwarding headers: an
 * operator names the proxies in front of Herald once, not once per feature.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	@Bean
	TrustedProxies trustedProxies(HeraldProperties herald) {
		return TrustedProxies.of("herald.trusted-proxies", herald.trustedProxies());
	}

}
