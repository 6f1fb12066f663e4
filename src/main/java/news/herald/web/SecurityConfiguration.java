package news.herald.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Reads are public; every write needs a publisher key. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.build();
	}

}
