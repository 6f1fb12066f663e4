package news.herald.ticker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.article.ArticleRepository;
import news.herald.article.ArticleTaxonomy;
import news.herald.event.ArticleEventRepository;
import news.herald.feed.FeedScope;
import news.herald.feed.FeedScopes;
import news.herald.http.PublicUrls;
import news.herald.section.SectionCatalog;

/**
 * The live ticker page: the latest headlines rendered on the server, kept live in the
 * browser by {@code /ticker-page.js} over the section's event stream.
 */
@RestController
class TickerPageController {

	static final int HEADLINES = 30;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	// The page loads its script and style from Herald only; thumbnails may come from
	// any https host.
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
			+ "style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private final ArticleRepository articles;

	private final ArticleEventRepository events;

	private final SectionCatalog sections;

	private final FeedScopes scopes;

	private final TickerTemplates templates;

	private final PublicUrls urls;

	private final ArticleTaxonomy taxonomy;

	TickerPageController(ArticleRepository articles, ArticleEventRepository events, SectionCatalog sections,
			FeedScopes scopes, TickerTemplates templates, PublicUrls urls, ArticleTaxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.articles = articles;
		this.events = events;
		this.sections = sections;
		this.scopes = scopes;
		this.templates = templates;
		this.urls = urls;
	}

	@GetMapping(path = "/", produces = { MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE })
	Mono<ResponseEntity<String>> page(@RequestParam(required = false) String section, ServerWebExchange exchange) {
		String heraldOrigin = this.urls.base(exchange.getRequest());
		List<FeedScope> all = this.scopes.all();
		if (section != null && !section.isBlank() && !this.sections.exists(section)) {
			String body = this.templates.sectionNotFound(section.strip(), TickerPage.sectionLinks(all));
			return Mono.just(html(HttpStatus.NOT_FOUND, body));
		}
		String key = (section != null && !section.isBlank()) ? this.sections.get(section).slug() : "";
		FeedScope chosen = all.stream().filter((scope) -> scope.key().equals(key)).findFirst().orElseThrow();
		Set<String> family = chosen.sections();
		// The resume point is read before the headlines: an event committed in between
		// is then replayed by the stream rather than lost, and the page shows it once.
		return this.events.latestId()
			.flatMap((lastEventId) -> this.articles.findPublished(family, null, HEADLINES)
				.collectList()
				.map((headlines) -> TickerPage.of(all, chosen, this.taxonomy.languages(), headlines, lastEventId,
						heraldOrigin)))
			.map((page) -> html(HttpStatus.OK, this.templates.page(page)));
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(HTML)
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "strict-origin-when-cross-origin")
			.body(body);
	}

}
