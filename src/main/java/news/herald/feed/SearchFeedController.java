package news.herald.feed;

import java.time.Clock;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.article.SearchQuery;
import news.herald.http.Paging;
import news.herald.http.ProblemWriter;
import news.herald.http.PublicUrls;

/**
 * Search feeds: {@code /feeds/search/{format}?q=}, the outlet's articles matching the
 * words, newest first. A search is only current until the next event anywhere, so its
 * validators are the outlet's: a conditional GET is answered from memory, and a render is
 * cached by (query, page, newest event) in a cache of its own, a quarter the size of the
 * feeds' one, so that any number of one-off searches can never push the feeds readers
 * subscribe to out of memory. A miss reads the database through the search index.
 */
@RestController
class SearchFeedController {

	private static final Log logger = LogFactory.getLog(SearchFeedController.class);

	private final FeedStamps stamps;

	private final FeedCache cache;

	private final FeedPages pages;

	private final PublicUrls urls;

	private final FeedResponses responses;

	private final ProblemWriter problems;

	private final FeedProperties settings;

	private final Clock clock;

	SearchFeedController(FeedStamps stamps, FeedPages pages, PublicUrls urls, FeedResponses responses,
			ProblemWriter problems, FeedProperties properties, Clock clock) {
		this.stamps = stamps;
		this.cache = new FeedCache(properties.cacheBytes().toBytes() / 4);
		this.pages = pages;
		this.urls = urls;
		this.responses = responses;
		this.problems = problems;
		this.settings = properties;
		this.clock = clock;
	}

	@GetMapping(FeedPages.SEARCH_PATH + "{file}")
	Mono<Void> search(@PathVariable String file, ServerWebExchange exchange) {
		FeedFormat format = FeedFormat.fromFileName(file);
		if (format == null) {
			throw new FeedFormatNotFoundException(file);
		}
		ServerHttpRequest request = exchange.getRequest();
		MultiValueMap<String, String> params = request.getQueryParams();
		SearchQuery query = SearchQuery.parse(params.get("q"));
		if (query == null) {
			throw SearchQuery.missing();
		}
		int limit = Paging.parseLimit(params.getFirst("limit"), this.settings.defaultLimit(), this.settings.maxLimit());
		Long cursor = Paging.parseCursor(params.getFirst("cursor"), this.stamps.newestEventId());
		// The cache is the search feeds' own, so the words alone name the scope.
		FeedKey key = new FeedKey(this.urls.base(request), query.text(), format, cursor, limit);
		FeedStamp stamp = this.stamps.stamp(FeedScope.OUTLET);
		if (stamp == null) {
			return this.pages.renderSearch(key, query, FeedStamp.NONE)
				.flatMap((feed) -> this.responses.writeUnvalidated(exchange, format, feed.plain()))
				.onErrorMap((ex) -> new FeedUnavailableException(this.settings.retryAfter(), ex));
		}
		RenderedFeed cached = this.cache.get(key);
		if (cached != null && cached.stamp().eventId() == stamp.eventId()) {
			return this.responses.write(exchange, cached);
		}
		RenderedFeed.Validators validators = RenderedFeed.Validators.of(stamp, this.pages.settingsDigest());
		Instant now = this.clock.instant();
		if (this.responses.notModified(request, validators, now)) {
			return this.responses.notModified(exchange, validators, now);
		}
		return this.cache.render(key, stamp, () -> this.pages.renderSearch(key, query, stamp))
			.onErrorResume((ex) -> fallback(key, cached, ex))
			.flatMap((feed) -> this.responses.write(exchange, feed));
	}

	/** Refusals as the other feeds give them: readable by feed readers too. */
	@ExceptionHandler
	Mono<Void> refused(ErrorResponseException ex, ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().setCacheControl("no-cache");
		return this.problems.writeReadable(exchange, ex);
	}

	/** While the database is unreachable the last render is better than nothing. */
	private Mono<RenderedFeed> fallback(FeedKey key, RenderedFeed cached, Throwable ex) {
		logger.warn("Could not render the search " + key + "; " + ((cached != null) ? "serving the last render" : "503")
				+ ": " + ex);
		return (cached != null) ? Mono.just(cached)
				: Mono.error(new FeedUnavailableException(this.settings.retryAfter(), ex));
	}

}
