package news.herald.feed;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Rome encoder with WebFlux so any handler may return a WireFeed. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

	@Bean
	WireFeedEncoder wireFeedEncoder() {
		return new WireFeedEncoder();
	}

	@Bean
	CodecCustomizer wireFeedCodecCustomizer(WireFeedEncoder encoder) {
		return (configurer) -> configurer.customCodecs().registerWithDefaultConfig(encoder);
	}

}
