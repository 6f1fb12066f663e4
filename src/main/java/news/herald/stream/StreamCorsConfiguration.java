package news.herald.stream;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

/**
 * Streams are open to pages on any origin: tickers are embedded on other sites. The
 * filter touches only {@code /stream} requests (a CORS filter also marks other responses,
 * which would confuse the API's own CORS rules), and runs first so a preflight is
 * answered before any other filter sees it.
 */
@Configuration(proxyBeanMethods = false)
class StreamCorsConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	WebFilter streamCorsFilter() {
		CorsConfiguration cors = new CorsConfiguration();
		cors.addAllowedOrigin(CorsConfiguration.ALL);
		cors.setAllowedMethods(List.of("GET", "HEAD"));
		// EventSource polyfills send Last-Event-ID and Cache-Control themselves.
		cors.setAllowedHeaders(List.of("Last-Event-ID", "Cache-Control", "Accept"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/stream", cors);
		source.registerCorsConfiguration("/stream/**", cors);
		CorsWebFilter filter = new CorsWebFilter(source);
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			return StreamFastPath.isStreamPath(path) ? filter.filter(exchange, chain) : chain.filter(exchange);
		};
	}

}
