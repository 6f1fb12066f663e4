package news.herald.article;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.event.ArticleEventRepository;
import news.herald.section.SectionCatalog;
import news.herald.http.Paging;

@RestController
class ArticleController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 200;

	private final ArticleRepository articles;

	private final ArticleEventRepository events;

	private final SectionCatalog sections;

	private final ArticleFilters filters;

	ArticleController(ArticleRepository articles, ArticleEventRepository events, SectionCatalog sections,
			ArticleTaxonomy taxonomy) {
		this.articles = articles;
		this.events = events;
		this.sections = sections;
		this.filters = new ArticleFilters(taxonomy);
	}

	@GetMapping("/api/articles")
	Mono<ArticlePage> list(@RequestParam(required = false) String section, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor, @RequestParam MultiValueMap<String, String> query) {
		Set<String> family = (section != null) ? this.sections.family(section) : null;
		ArticleFilter filter = this.filters.of(family, query);
		int pageSize = Paging.parseLimit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		// A cursor is checked against the newest event id; the first page needs no such
		// read.
		Mono<Long> before = (cursor != null)
				? this.events.latestId().map((latest) -> Paging.parseCursor(cursor, latest)) : Mono.empty();
		return before.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((seq) -> this.articles.findPublished(filter, seq.orElse(null), pageSize + 1).collectList())
			.map((found) -> ArticlePage.of(found, pageSize));
	}

	/**
	 * The list narrowed to a search, when {@code q} is given; the same paging as the
	 * plain list.
	 */
	@GetMapping(path = "/api/articles", params = "q")
	Mono<ArticlePage> search(@RequestParam(required = false) String section,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			ServerWebExchange exchange) {
		SearchQuery query = SearchQuery.parse(exchange.getRequest().getQueryParams().get("q"));
		Set<String> family = (section != null) ? this.sections.family(section) : null;
		int pageSize = Paging.parseLimit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		Mono<Long> before = (cursor != null)
				? this.events.latestId().map((latest) -> Paging.parseCursor(cursor, latest)) : Mono.empty();
		return before.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((seq) -> this.articles.search(query, family, seq.orElse(null), pageSize + 1).collectList())
			.map((found) -> ArticlePage.of(found, pageSize));
	}

	@GetMapping("/api/articles/{idOrSlug}")
	Mono<ResponseEntity<Article>> get(@PathVariable String idOrSlug) {
		Mono<Article> found = Article.ID_SHAPE.matcher(idOrSlug).matches()
				? this.articles.findById(UUID.fromString(idOrSlug)) : this.articles.findBySlug(idOrSlug);
		return found.filter((article) -> article.status() != ArticleStatus.SCHEDULED)
			.switchIfEmpty(Mono.error(() -> new ArticleNotFoundException(idOrSlug)))
			.map((article) -> {
				if (article.status() == ArticleStatus.RETRACTED) {
					throw new ArticleGoneException(article);
				}
				// The result handler answers 304 itself when If-None-Match names this
				// ETag.
				return ResponseEntity.ok().eTag(article.etag()).body(article);
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
