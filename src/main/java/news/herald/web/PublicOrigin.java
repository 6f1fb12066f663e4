package news.herald.web;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import news.herald.config.HeraldProperties;

/**
 * Herald's public absolute URL for links that leave the page (the embed snippet): the
 * configured base URL, else the scheme, host and port the request came in on.
 */
@Component
class PublicOrigin {

	private final HeraldProperties properties;

	PublicOrigin(HeraldProperties properties) {
		this.properties = properties;
	}

	String of(ServerHttpRequest request) {
		return this.properties.publicBaseUrl().map(URI::toString).orElseGet(() -> {
			URI uri = request.getURI();
			String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
			return uri.getScheme() + "://" + uri.getHost() + port;
		});
	}

}
