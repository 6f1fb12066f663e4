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

import news.herald.http.Paging;
import news.herald.http.ProblemWriter;
import news.herald.http.PublicUrls;

/**
 * The outlet's, each section's, tag's and author's feeds, narrowed by {@code tag},
 * {@code author} and {@code lang} in any combination. A request is answered from memory
 * whenever the feed has not changed since it was last rendered: a 304 from the in-memory
 * validators, or the cached bytes; only a changed or never-seen page reaches the
 * database.
 */
@RestController
class FeedController {

	private static final Log logger = LogFactory.getLog(FeedController.class);

	private final FeedScopes scopes;

	private final FeedSelections selections;

	private final FeedStamps stamps;

	private final FeedCache cache;

	private final FeedPages pages;

	private final PublicUrls urls;

	private final FeedResponses responses;

	private final FeedDelta delta;

	private final ProblemWriter problems;

	private final FeedProperties settings;

	private final Clock clock;

	FeedController(FeedScopes scopes, FeedSelections selections, FeedStamps stamps, FeedCache cache, FeedPages pages,
			PublicUrls urls, FeedResponses responses, FeedDelta delta, ProblemWriter problems,
			FeedProperties properties, Clock clock) {
		this.scopes = scopes;
		this.selections = selections;
		this.stamps = stamps;
		this.cache = cache;
		this.pages = pages;
		this.urls = urls;
		this.responses = responses;
		this.delta = delta;
		this.problems = problems;
		this.settings = properties;
		this.clock = clock;
	}

	@GetMapping("/feeds/{file}")
	Mono<Void> outlet(@PathVariable String file, ServerWebExchange exchange) {
		return serve(exchange, FeedAddress.of(FeedScope.OUTLET), file);
	}

	@GetMapping("/feeds/{section}/{file}")
	Mono<Void> section(@PathVariable String section, @PathVariable String file, ServerWebExchange exchange) {
		return serve(exchange, FeedAddress.of(this.scopes.section(section).key()), file);
	}

	@GetMapping("/feeds/tags/{tag}/{file}")
	Mono<Void> tag(@PathVariable String tag, @PathVariable String file, ServerWebExchange exchange) {
		return serve(exchange,
				new FeedAddress(FeedAddress.Kind.TAG, FeedScope.OUTLET, FeedQuery.slug("tag", tag), null, null), file);
	}

	@GetMapping("/feeds/authors/{author}/{file}")
	Mono<Void> author(@PathVariable String author, @PathVariable String file, ServerWebExchange exchange) {
		return serve(exchange, new FeedAddress(FeedAddress.Kind.AUTHOR, FeedScope.OUTLET, null,
				FeedQuery.slug("author", author), null), file);
	}

	/**
	 * A feed's refusals (unknown section or format, a bad parameter, the database away)
	 * are read by feed readers too, which show plain text better than JSON.
	 */
	@ExceptionHandler
	Mono<Void> refused(ErrorResponseException ex, ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().setCacheControl("no-cache");
		return this.problems.writeReadable(exchange, ex);
	}

	private Mono<Void> serve(ServerWebExchange exchange, FeedAddress path, String file) {
		FeedFormat format = FeedFormat.fromFileName(file);
		if (format == null) {
			throw new FeedFormatNotFoundException(file);
		}
		ServerHttpRequest request = exchange.getRequest();
		MultiValueMap<String, String> query = request.getQueryParams();
		FeedSelection selection = this.selections.resolve(FeedQuery.address(path, query));
		int limit = Paging.parseLimit(query.getFirst("limit"), this.settings.defaultLimit(), this.settings.maxLimit());
		Long cursor = Paging.parseCursor(query.getFirst("cursor"), this.stamps.newestEventId());
		FeedKey key = new FeedKey(this.urls.base(request), selection.address().cacheKey(), format, cursor, limit);
		if (!this.stamps.ready()) {
			// Only between the server opening and the validators being read at start-up.
			return this.pages.render(key, selection, FeedStamp.NONE)
				.flatMap((feed) -> this.responses.writeUnvalidated(exchange, format, feed.plain()))
				.onErrorMap((ex) -> new FeedUnavailableException(this.settings.retryAfter(), ex));
		}
		FeedStamp stamp = this.stamps.stamp(selection.address());
		if (stamp != null) {
			return serve(exchange, selection, key, stamp);
		}
		// A combination of filters nobody asked for lately: its validators come from the
		// outbox once, then from memory.
		return this.stamps.load(selection)
			.onErrorResume((ex) -> fallback(key, this.cache.get(key), ex).map(RenderedFeed::stamp))
			.flatMap((loaded) -> serve(exchange, selection, key, loaded));
	}

	private Mono<Void> serve(ServerWebExchange exchange, FeedSelection selection, FeedKey key, FeedStamp stamp) {
		// Deltas follow a section's events; a feed narrowed by tag, author or language
		// answers in full.
		long since = selection.isWholeScope() ? this.delta.since(exchange.getRequest(), key, stamp) : -1;
		if (since > 0) {
			return this.delta.render(key, selection, stamp, since)
				.flatMap((delta) -> this.responses.writeDelta(exchange, delta).thenReturn(delta))
				.switchIfEmpty(Mono.defer(() -> current(exchange, selection, key, stamp).then(Mono.empty())))
				.then();
		}
		return current(exchange, selection, key, stamp);
	}

	/** The feed as it is now, or 304 when the client has it. */
	private Mono<Void> current(ServerWebExchange exchange, FeedSelection selection, FeedKey key, FeedStamp stamp) {
		ServerHttpRequest request = exchange.getRequest();
		RenderedFeed cached = this.cache.get(key);
		if (cached != null && cached.stamp().sameEvent(stamp)) {
			return this.responses.write(exchange, cached);
		}
		RenderedFeed.Validators validators = RenderedFeed.Validators.of(stamp, this.pages.settingsDigest());
		Instant now = this.clock.instant();
		if (this.responses.notModified(request, validators, now)) {
			return this.responses.notModified(exchange, validators, now);
		}
		return this.cache.render(key, stamp, () -> this.pages.render(key, selection, stamp))
			.onErrorResume((ex) -> fallback(key, cached, ex))
			.flatMap((feed) -> this.responses.write(exchange, feed));
	}

	/** While the database is unreachable the last render is better than nothing. */
	private Mono<RenderedFeed> fallback(FeedKey key, RenderedFeed cached, Throwable ex) {
		logger.warn(
				"Could not render " + key + "; " + ((cached != null) ? "serving the last render" : "503") + ": " + ex);
		return (cached != null) ? Mono.just(cached)
				: Mono.error(new FeedUnavailableException(this.settings.retryAfter(), ex));
	}

}
