package news.herald.websub;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.herald.feed.FeedHub;
import news.herald.push.PushSettings;

/** Which hub the feeds announce, and how the push engine delivers for this one. */
@Configuration(proxyBeanMethods = false)
class WebSubConfiguration {

	static final String PATH = "/websub";

	@Bean
	FeedHub feedHub(WebSubProperties settings) {
		if (settings.external()) {
			String external = settings.hubUrl().toString();
			return (base) -> external;
		}
		return settings.hubEnabled() ? (base) -> base + PATH : FeedHub.NONE;
	}

	@Bean
	PushSettings pushSettings(WebSubProperties settings) {
		return new PushSettings(settings.deliveryAttempts(), settings.deliveryFirstBackoff(),
				settings.deliveryMaxBackoff(), settings.deliveryConcurrency(), settings.connectTimeout(),
				settings.readTimeout(), settings.claimLease(), settings.pollInterval(),
				settings.allowPrivateCallbacks());
	}

}
