package news.herald.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The public base URL that absolute links (feeds, the embed snippet) start with:
 * {@code herald.http.base-url} when configured; else the request's own scheme and host,
 * corrected by {@code Forwarded} or {@code X-Forwarded-*} only when the request comes
 * from a trusted proxy (anyone else could otherwise make our feeds point at their site).
 */
@Component
public class PublicUrls {

	private final String configured;

	private final TrustedProxies trustedProxies;

	PublicUrls(HttpProperties herald, TrustedProxies trustedProxies) {
		this.configured = herald.publicBaseUrl().map(URI::toString).orElse(null);
		this.trustedProxies = trustedProxies;
	}

	/** The configured base URL, or null when it comes from each request. */
	public String configured() {
		return this.configured;
	}

	/** Scheme, host, port and path prefix without a trailing slash. */
	public String base(ServerHttpRequest request) {
		if (this.configured != null) {
			return this.configured;
		}
		if (isTrusted(request.getRemoteAddress())) {
			String forwarded = forwarded(request.getHeaders());
			if (forwarded != null) {
				return forwarded;
			}
		}
		URI uri = request.getURI();
		return origin(uri.getScheme(), uri.getHost(), uri.getPort(), "");
	}

	private boolean isTrusted(InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null || this.trustedProxies.isEmpty()) {
			return false;
		}
		return this.trustedProxies.contains(remote.getAddress());
	}

	private static String forwarded(HttpHeaders headers) {
		String forwarded = headers.getFirst("Forwarded");
		if (forwarded != null) {
			// The first element is what the client asked the outermost proxy for.
			String first = forwarded.split(",")[0];
			String proto = null;
			String host = null;
			for (String pair : first.split(";")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
					String value = unquote(pair.substring(eq + 1).strip());
					if (name.equals("proto")) {
						proto = value;
					}
					else if (name.equals("host")) {
						host = value;
					}
				}
			}
			if (host != null) {
				return build((proto != null) ? proto : "http", host, "");
			}
		}
		String host = firstValue(headers.getFirst("X-Forwarded-Host"));
		if (host == null) {
			return null;
		}
		String proto = firstValue(headers.getFirst("X-Forwarded-Proto"));
		String port = firstValue(headers.getFirst("X-Forwarded-Port"));
		String prefix = firstValue(headers.getFirst("X-Forwarded-Prefix"));
		if (port != null && !host.contains(":")) {
			host = host + ":" + port;
		}
		return build((proto != null) ? proto : "http", host, (prefix != null) ? prefix : "");
	}

	private static String build(String proto, String host, String prefix) {
		try {
			URI uri = new URI(proto.toLowerCase(Locale.ROOT) + "://" + host);
			if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
				return null;
			}
			String path = prefix.replaceAll("/+$", "");
			if (!path.isEmpty() && (!path.startsWith("/") || !path.matches("[A-Za-z0-9/._~-]*"))) {
				return null;
			}
			return origin(uri.getScheme(), uri.getHost(), uri.getPort(), path);
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	private static String origin(String scheme, String host, int port, String path) {
		boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		String hostPart = (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
		return scheme + "://" + hostPart + (defaultPort ? "" : ":" + port) + path;
	}

	private static String firstValue(String header) {
		if (header == null) {
			return null;
		}
		String first = header.split(",")[0].strip();
		return first.isEmpty() ? null : first;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
