package news.herald.websub;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's defaults: on, safe, and switched off by an external hub. */
class WebSubPropertiesTests {

	private static WebSubProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("herald.websub",
				WebSubProperties.class);
	}

	@Test
	void theOwnHubIsOnAndRefusesPrivateCallbacksByDefault() {
		WebSubProperties settings = bind(Map.of());
		assertThat(settings.ownHub()).isTrue();
		assertThat(settings.allowPrivateCallbacks()).isFalse();
		assertThat(settings.defaultLease()).isEqualTo(Duration.ofDays(10));
		assertThat(settings.deliveryAttempts()).isEqualTo(8);
	}

	@Test
	void anExternalHubReplacesTheOwnOne() {
		WebSubProperties settings = bind(Map.of("herald.websub.hub-url", "https://hub.example/"));
		assertThat(settings.external()).isTrue();
		assertThat(settings.ownHub()).isFalse();
	}

}
