package news.herald.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rendered feeds, bounded by their size in bytes. An entry is current while its stamp is
 * the feed's stamp; an older one is kept as the fallback served while the database is
 * unreachable. Concurrent requests for the same missing page share one render.
 */
@Component
class FeedCache {

	private final Cache<FeedKey, RenderedFeed> rendered;

	private final Map<Render, Mono<RenderedFeed>> rendering = new ConcurrentHashMap<>();

	@Autowired
	FeedCache(FeedProperties properties) {
		this(properties.cacheBytes().toBytes());
	}

	/** A cache of its own size, such as the search feeds'. */
	FeedCache(long maxBytes) {
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((FeedKey key, RenderedFeed feed) -> (int) Math.min(Integer.MAX_VALUE, feed.weight()))
			.build();
	}

	/** The last render of a page, current or not; null if none is cached. */
	RenderedFeed get(FeedKey key) {
		return this.rendered.getIfPresent(key);
	}

	/**
	 * Renders a page once however many requests ask for it in the same state at the same
	 * time.
	 */
	Mono<RenderedFeed> render(FeedKey key, FeedStamp stamp, Supplier<Mono<RenderedFeed>> render) {
		Render job = new Render(key, stamp.eventId(), stamp.timeline());
		return this.rendering.computeIfAbsent(job,
				(k) -> Mono.defer(render)
					.doOnNext((feed) -> store(key, feed))
					.doFinally((signal) -> this.rendering.remove(k))
					.cache());
	}

	private void store(FeedKey key, RenderedFeed feed) {
		this.rendered.asMap()
			.merge(key, feed, (old, fresh) -> (fresh.stamp().eventId() >= old.stamp().eventId()
					|| fresh.stamp().timeline() != old.stamp().timeline()) ? fresh : old);
	}

	private record Render(FeedKey key, long stampId, int stampTimeline) {

	}

}
