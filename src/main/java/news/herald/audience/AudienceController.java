package news.herald.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.security.PublisherKey;

/**
 * The audience for the newsroom, behind a publisher key: {@code GET /api/audience} as
 * JSON, and the page {@code /newsroom/audience}. The page takes the key as
 * {@code Authorization: Bearer}, like the API, or typed into its form, which is posted,
 * so the key never appears in a URL, a log line or the browser's history; without a key
 * it shows only that form.
 */
@RestController
class AudienceController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	// Nothing but Herald's own style sheet; the chart is inline SVG, there is no script.
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	private final AudienceAccess access;

	private final AudienceReports reports;

	private final AudienceTemplates templates;

	private final Clock clock;

	AudienceController(AudienceAccess access, AudienceReports reports, AudienceTemplates templates, Clock clock) {
		this.access = access;
		this.reports = reports;
		this.templates = templates;
		this.clock = clock;
	}

	@GetMapping(path = "/api/audience", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<AudienceReport>> report(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			ServerHttpRequest request) {
		PublisherKey key = this.access.bearer(request)
			.orElseThrow(() -> AudienceAccess.keyRequired(request.getHeaders().containsHeader("Authorization")));
		AudiencePeriod period = AudiencePeriod.of(from, to, today());
		return this.reports.report(period.from(), period.to(), this.access.shown(key, scope))
			.map((report) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report));
	}

	@GetMapping(path = "/newsroom/audience", produces = { MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE })
	Mono<ResponseEntity<String>> page(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			ServerHttpRequest request) {
		return this.access.bearer(request)
			.map((key) -> page(key, null, scope, from, to))
			.orElseGet(() -> Mono.just(html(HttpStatus.UNAUTHORIZED, this.templates.login(null))));
	}

	@PostMapping(path = "/newsroom/audience", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = { MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE })
	Mono<ResponseEntity<String>> signedIn(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			String presented = form.getFirst("key");
			return this.access.key(presented)
				.map((key) -> page(key, presented, form.getFirst("scope"), form.getFirst("from"), form.getFirst("to")))
				.orElseGet(() -> Mono
					.just(html(HttpStatus.UNAUTHORIZED, this.templates.login((presented == null || presented.isBlank())
							? "Enter a publisher key." : "That is not a publisher key."))));
		});
	}

	private Mono<ResponseEntity<String>> page(PublisherKey key, String formKey, String scope, String from, String to) {
		AudiencePeriod period = AudiencePeriod.of(from, to, today());
		return this.reports.report(period.from(), period.to(), this.access.shown(key, scope))
			.map((report) -> html(HttpStatus.OK,
					this.templates.page(AudiencePage.of(report, formKey, (scope != null) ? scope.strip() : ""))));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(HTML)
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("Referrer-Policy", "no-referrer")
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

}
