package news.herald.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import news.herald.article.Article;
import news.herald.article.ArticleRepository;

/**
 * RFC 3229 delta encoding with the {@code feed} instance-manipulation, which Liferea,
 * newsbeuter and picoFeed ask for with {@code A-IM: feed}: a reader whose
 * {@code If-None-Match} names an older state of the feed gets only the entries published
 * or updated since, as {@code 226 IM Used}. An ETag names the newest event of its feed,
 * so the delta is the feed's first page cut down to the articles touched by a later
 * event; the full feed is served instead whenever a delta would be wrong or not worth it
 * (see {@link FeedChanges}).
 */
@Component
class FeedDelta {

	static final String A_IM = "A-IM";

	static final String IM = "IM";

	static final String FEED = "feed";

	/**
	 * Caches that know RFC 3229 may keep a 226 for the client that asked ({@code im});
	 * every other cache must not store it and hand it to someone holding another state.
	 */
	static final String CACHE_CONTROL = "no-store, im";

	private static final Log logger = LogFactory.getLog(FeedDelta.class);

	private final FeedDeltaRepository changes;

	private final ArticleRepository articles;

	private final FeedPages pages;

	private final FeedDeltaProperties settings;

	private final Duration timeout;

	private final Cache<Render, Optional<RenderedFeed>> rendered;

	FeedDelta(FeedDeltaRepository changes, ArticleRepository articles, FeedPages pages, FeedDeltaProperties properties,
			FeedProperties feeds) {
		this.changes = changes;
		this.articles = articles;
		this.pages = pages;
		this.settings = properties;
		this.timeout = feeds.renderTimeout();
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(properties.cacheBytes().toBytes())
			.weigher((Render key,
					Optional<RenderedFeed> delta) -> (int) Math.min(Integer.MAX_VALUE,
							64 + delta.map(RenderedFeed::weight).orElse(0L)))
			.build();
	}

	/**
	 * Whether the request asks for the {@code feed} instance-manipulation; a zero weight
	 * ({@code feed;q=0}) declines it, as elsewhere in HTTP.
	 */
	static boolean asked(ServerHttpRequest request) {
		List<String> values = request.getHeaders().get(A_IM);
		if (values == null) {
			return false;
		}
		for (String value : values) {
			for (String manipulation : value.split(",")) {
				String[] parts = manipulation.split(";");
				if (parts[0].strip().equalsIgnoreCase(FEED) && !declined(parts)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean declined(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].replace(" ", "").matches("(?i)q=0(\\.0*)?")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The event the client's representation is current with, when a delta from it can be
	 * served; -1 when the request gets what it would get without {@code A-IM}. Only the
	 * first page of a feed has deltas, only an ETag of these settings names a state, a
	 * tag of the current state is a plain 304, and a tag more than
	 * {@code herald.feeds.delta.max-events} behind is too old.
	 */
	long since(ServerHttpRequest request, FeedKey key, FeedStamp stamp) {
		String ifNoneMatch = request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
		if (!this.settings.enabled() || key.cursor() != null || ifNoneMatch == null || !asked(request)) {
			return -1;
		}
		long since = -1;
		for (ETag tag : ETag.parse(ifNoneMatch)) {
			if (tag.isWildcard()) {
				return -1;
			}
			since = Math.max(since,
					RenderedFeed.Validators.eventIdOf(tag.tag(), this.pages.settingsDigest(), stamp.timeline()));
		}
		boolean usable = since > 0 && since < stamp.eventId() && stamp.eventId() - since <= this.settings.maxEvents();
		return usable ? since : -1;
	}

	/**
	 * The entries of the feed's first page published or updated after event
	 * {@code since}, rendered like the feed itself and carrying the full feed's
	 * validators; empty when the client must get the full feed instead (also when the
	 * database cannot tell: the full feed has its own fallbacks).
	 */
	Mono<RenderedFeed> render(FeedKey key, FeedSelection selection, FeedStamp stamp, long since) {
		FeedScope scope = selection.scope();
		Render job = new Render(key, since, stamp.eventId());
		Optional<RenderedFeed> known = this.rendered.getIfPresent(job);
		if (known != null) {
			return Mono.justOrEmpty(known);
		}
		return this.changes.changes(scope.sections(), since, stamp.eventId()).collectList().flatMap((found) -> {
			Set<UUID> touched = FeedChanges.since(scope.sections(), since, found);
			return (touched != null) ? entries(key, selection, stamp, touched)
					: Mono.just(Optional.<RenderedFeed>empty());
		})
			.timeout(this.timeout)
			.doOnNext((delta) -> this.rendered.put(job, delta))
			.flatMap(Mono::justOrEmpty)
			.onErrorResume((ex) -> {
				logger.warn("Could not compute the delta of " + key + " since event " + since + ": " + ex);
				return Mono.empty();
			});
	}

	private Mono<Optional<RenderedFeed>> entries(FeedKey key, FeedSelection selection, FeedStamp stamp,
			Set<UUID> touched) {
		// The current page, cut down: an article touched since but no longer on the
		// page is not in the full feed either.
		return this.articles.findPublished(selection.filter(), null, key.limit())
			.filter((article) -> touched.contains(article.id()))
			.collectList()
			// Rendering is CPU work; keep it off the event loop, as full renders do.
			.publishOn(Schedulers.parallel())
			.map((List<Article> entries) -> Optional.of(this.pages.render(key, selection, stamp, entries)));
	}

	/** Marks a response as a delta that no other client may be given. */
	static void mark(HttpHeaders headers) {
		headers.set(IM, FEED);
		headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		List<String> vary = new ArrayList<>(headers.getVary());
		vary.add(A_IM);
		vary.add(HttpHeaders.IF_NONE_MATCH);
		headers.setVary(vary);
	}

	private record Render(FeedKey key, long since, long through) {

	}

}
