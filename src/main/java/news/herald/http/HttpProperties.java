package news.herald.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Herald is reached from outside.
 *
 * @param baseUrl public absolute URL of this Herald, used in feeds and links; when empty
 * the request's own URL (or trusted {@code Forwarded} headers) is used
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of
 * Herald: their {@code Forwarded}/{@code X-Forwarded-*} headers are believed for the
 * public URL (when no base URL is configured) and their {@code X-Forwarded-For} names the
 * client for the per-address stream limit; from anyone else these headers are ignored
 */
@ConfigurationProperties("herald.http")
public record HttpProperties(String baseUrl, List<String> trustedProxies) {

	public HttpProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

	/** The configured public base URL without a trailing slash, if one is configured. */
	public Optional<URI> publicBaseUrl() {
		if (this.baseUrl == null || this.baseUrl.isBlank()) {
			return Optional.empty();
		}
		String trimmed = this.baseUrl.strip().replaceAll("/+$", "");
		return Optional.of(URI.create(trimmed));
	}

}
