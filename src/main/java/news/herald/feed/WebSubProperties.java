package news.herald.feed;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebSub hub told about every feed change, if any.
 *
 * @param hubUrl the WebSub hub to ping; none when empty
 * @param maxAttempts attempts per ping before giving up
 * @param firstBackoff wait before the first retry; doubles with each retry
 */
@ConfigurationProperties("herald.websub")
record WebSubProperties(URI hubUrl, @DefaultValue("6") int maxAttempts, @DefaultValue("500ms") Duration firstBackoff) {

	boolean enabled() {
		return this.hubUrl != null && !this.hubUrl.toString().isBlank();
	}

}
