package news.herald.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.ErrorResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;

import news.herald.http.ProblemWriter;
import news.herald.http.Problems;
import news.herald.http.PublicReads;

/**
 * Security for the JSON API only: reads are public, writes need
 * {@code Authorization: Bearer <publisher key>}. Feeds, streams and pages are outside
 * {@code /api/**} and never run a security filter, so polling them costs nothing extra.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String BEARER = "bearer ";

	private static final String NEWSROOM_READS = "/api/websub/**";

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, PublisherKeys keys, ProblemWriter problems,
			SecurityProperties properties) {
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager(keys));
		bearer.setServerAuthenticationConverter(bearerKey());
		bearer.setRequiresAuthenticationMatcher(writes());
		bearer.setAuthenticationFailureHandler((filterExchange, ex) -> problems.write(filterExchange.getExchange(),
				unauthorized(ex, "The publisher key is not valid.", true)));
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			// Controllers decide caching (ETags); Security's no-store would defeat it.
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.cors((cors) -> cors.configurationSource(corsConfiguration(properties.writeOrigins())))
			.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling(
					(exceptions) -> exceptions
						.authenticationEntryPoint((exchange, ex) -> problems.write(exchange,
								unauthorized(ex, "Writing needs a publisher key: send 'Authorization: Bearer <key>'.",
										false)))
						.accessDeniedHandler(
								(exchange,
										ex) -> problems.write(exchange,
												ErrorResponse
													.builder(ex,
															Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
																	ex.getMessage()))
													.build())))
			// The hub's subscriber list is the newsroom's to read, not the public's.
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(NEWSROOM_READS)
				.authenticated()
				.pathMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/api/**")
				.permitAll()
				.anyExchange()
				.authenticated())
			.build();
	}

	/** Security answers before any controller runs, so it writes its refusals itself. */
	private static ErrorResponse unauthorized(AuthenticationException ex, String detail, boolean invalidKey) {
		String challenge = "Bearer realm=\"herald\"" + (invalidKey ? ", error=\"invalid_token\"" : "");
		return ErrorResponse.builder(ex, Problems.of(HttpStatus.UNAUTHORIZED, "Publisher key required", detail))
			.header(HttpHeaders.WWW_AUTHENTICATE, challenge)
			.build();
	}

	/** Only writes are authenticated, so a stale token on a public read is harmless. */
	private static ServerWebExchangeMatcher writes() {
		return (exchange) -> {
			HttpMethod method = exchange.getRequest().getMethod();
			boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
					|| HttpMethod.OPTIONS.equals(method);
			boolean newsroomRead = read && !HttpMethod.OPTIONS.equals(method)
					&& exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/websub/");
			return (read && !newsroomRead) ? ServerWebExchangeMatcher.MatchResult.notMatch()
					: ServerWebExchangeMatcher.MatchResult.match();
		};
	}

	private static ServerAuthenticationConverter bearerKey() {
		return (exchange) -> {
			String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null) {
				return Mono.empty();
			}
			if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return Mono.error(new BadCredentialsException("not a bearer key"));
			}
			String key = header.substring(BEARER.length()).strip();
			return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("publisher", key));
		};
	}

	private static ReactiveAuthenticationManager authenticationManager(PublisherKeys keys) {
		return (authentication) -> Mono.justOrEmpty(keys.find((String) authentication.getCredentials()))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown publisher key")))
			.map((key) -> UsernamePasswordAuthenticationToken.authenticated(key, null,
					AuthorityUtils.createAuthorityList("ROLE_PUBLISHER")));
	}

	/**
	 * Any origin may read, by the rule every public read follows; only the configured
	 * origins (none by default) may write from a browser.
	 */
	private static CorsConfigurationSource corsConfiguration(List<String> writeOrigins) {
		CorsConfiguration reads = PublicReads.cors();
		CorsConfiguration writes = new CorsConfiguration();
		writes.setAllowedOrigins(writeOrigins);
		writes.setAllowedMethods(List.of("POST", "PUT", "DELETE"));
		writes.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH));
		writes.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION));
		writes.setMaxAge(3600L);
		return (exchange) -> {
			HttpMethod method = CorsUtils.isPreFlightRequest(exchange.getRequest())
					? HttpMethod
						.valueOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
					: exchange.getRequest().getMethod();
			boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
			return read ? reads : writes;
		};
	}

}
