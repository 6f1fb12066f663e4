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

/**
 * Streams are open to pages on any origin: tickers are embedded on other sites. Scoped to
 * {@code /stream} so the rest of the API keeps its own rules, and ordered first so a
 * preflight is answered before any security filter sees it.
 */
@Configuration(proxyBeanMethods = false)
class StreamCorsConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	CorsWebFilter streamCorsFilter() {
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
		return new CorsWebFilter(source);
	}

}
