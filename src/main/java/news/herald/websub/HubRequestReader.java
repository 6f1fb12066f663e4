package news.herald.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import news.herald.feed.FeedTopics;
import news.herald.http.BadRequestException;

/**
 * Reads a subscribe or unsubscribe form (§5.1) and refuses what cannot be honoured with a
 * 400 that names the parameter. Parameters it does not know are ignored, as the
 * Recommendation asks.
 */
@Component
class HubRequestReader {

	/** §5.1: the secret MUST be less than 200 bytes. */
	private static final int MAX_SECRET_BYTES = 199;

	private static final int MAX_CALLBACK_BYTES = 2048;

	private final FeedTopics topics;

	private final WebSubProperties settings;

	HubRequestReader(FeedTopics topics, WebSubProperties settings) {
		this.topics = topics;
		this.settings = settings;
	}

	HubRequest read(MultiValueMap<String, String> form, String base) {
		String mode = form.getFirst("hub.mode");
		if (!"subscribe".equals(mode) && !"unsubscribe".equals(mode)) {
			throw new BadRequestException("hub.mode", "hub.mode must be 'subscribe' or 'unsubscribe'"
					+ ((mode != null) ? ", got '" + mode + "'." : "; it is missing."));
		}
		String callback = required(form, "hub.callback");
		URI callbackUrl = callback(callback);
		String topic = required(form, "hub.topic");
		// Kept under the feed's own URL, so that two spellings of one feed are one topic.
		// Leaving needs only the shape: a tag this instance has not seen may be left.
		String feed = ("subscribe".equals(mode) ? this.topics.topic(topic, base)
				: this.topics.find(topic, base).orElseGet(() -> this.topics.topic(topic, base)))
			.url();
		String secret = form.getFirst("hub.secret");
		if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
			throw new BadRequestException("hub.secret", "hub.secret must be less than 200 bytes.");
		}
		return new HubRequest("subscribe".equals(mode), feed, topic, base, callback,
				callbackUrl.getHost().toLowerCase(Locale.ROOT), (secret == null || secret.isEmpty()) ? null : secret,
				lease(form.getFirst("hub.lease_seconds")));
	}

	private static String required(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			throw new BadRequestException(name, name + " is required.");
		}
		return value;
	}

	private static URI callback(String callback) {
		String refusal = "hub.callback must be an absolute http or https URL of at most 2 KB";
		if (callback.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
			throw new BadRequestException("hub.callback", refusal + "; this one is longer.");
		}
		try {
			URI url = new URI(callback);
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
			if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null
					|| url.getRawFragment() != null || url.getRawUserInfo() != null) {
				throw new BadRequestException("hub.callback",
						refusal + " with a host and no user information or fragment, got '" + callback + "'.");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new BadRequestException("hub.callback", refusal + ", got '" + callback + "'.");
		}
	}

	/** The lease granted: the one asked for within the limits, the default otherwise. */
	private int lease(String asked) {
		long min = this.settings.minLease().toSeconds();
		long max = this.settings.maxLease().toSeconds();
		if (asked == null || asked.isBlank()) {
			return (int) Math.max(min, Math.min(max, this.settings.defaultLease().toSeconds()));
		}
		try {
			long seconds = Long.parseLong(asked.strip());
			if (seconds <= 0) {
				throw new NumberFormatException();
			}
			return (int) Math.max(min, Math.min(max, seconds));
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("hub.lease_seconds",
					"hub.lease_seconds must be a positive whole number of seconds, got '" + asked + "'.");
		}
	}

}
