package news.herald.article;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.event.ArticleEventRepository;
import news.herald.section.SectionCatalog;
import news.herald.web.Paging;

@RestController
class ArticleController {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 200;

	private final ArticleRepository articles;

	private final ArticleEventRepository events;

	private final SectionCatalog sections;

	ArticleController(ArticleRepository articles, ArticleEventRepository events, SectionCatalog sections) {
		this.articles = articles;
		this.events = events;
		this.sections = sections;
	}

	@GetMapping("/api/articles")
	Mono<ArticlePage> list(@RequestParam(required = false) String section, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		Set<String> family = (section != null) ? this.sections.family(section) : null;
		int pageSize = Paging.parseLimit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		Mono<Long> before = (cursor != null)
				? this.events.latestId().map((latest) -> Paging.parseCursor(cursor, latest)) : Mono.empty();
		return before.map(Long::valueOf)
			.defaultIfEmpty(Long.MAX_VALUE)
			.flatMap((seq) -> this.articles.findPublished(family, (seq == Long.MAX_VALUE) ? null : seq, pageSize + 1)
				.collectList())
			.map((found) -> ArticlePage.of(found, pageSize));
	}

	@GetMapping("/api/articles/{idOrSlug}")
	Mono<ResponseEntity<Article>> get(@PathVariable String idOrSlug, ServerWebExchange exchange) {
		Mono<Article> found = UUID_PATTERN.matcher(idOrSlug).matches()
				? this.articles.findById(UUID.fromString(idOrSlug)) : this.articles.findBySlug(idOrSlug);
		return found.filter((article) -> article.status() != ArticleStatus.SCHEDULED)
			.switchIfEmpty(Mono.error(() -> new ArticleNotFoundException(idOrSlug)))
			.flatMap((article) -> {
				if (article.status() == ArticleStatus.RETRACTED) {
					return Mono.error(new ArticleGoneException(article));
				}
				String etag = "\"" + article.version() + "\"";
				if (exchange.checkNotModified(etag)) {
					return Mono.just(ResponseEntity.status(304).eTag(etag).<Article>build());
				}
				return Mono.just(ResponseEntity.ok().eTag(etag).body(article));
			});
	}

	/**
	 * One page of a list, newest first, with the cursor of the next (older) page if any.
	 */
	record ArticlePage(List<Article> articles, String nextCursor) {

		static ArticlePage of(List<Article> found, int pageSize) {
			if (found.size() <= pageSize) {
				return new ArticlePage(found, null);
			}
			List<Article> page = found.subList(0, pageSize);
			return new ArticlePage(page, String.valueOf(page.get(page.size() - 1).seq()));
		}

	}

}
