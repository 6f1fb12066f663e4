package news.herald.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import news.herald.article.Article;
import news.herald.article.ArticleRepository;
import news.herald.http.PublicUrls;

/** Reads a page of articles and renders it: the only way feed bytes are made. */
@Component
class FeedPages {

	/** Bump when the rendered bytes change shape, so ETags change with them. */
	private static final String RENDER_VERSION = "2";

	private final ArticleRepository articles;

	private final FeedRenderer renderer;

	private final FeedCompression compression;

	private final FeedBodies bodies;

	private final FeedProperties settings;

	private final FeedHub hub;

	private final String logo;

	private final String settingsDigest;

	FeedPages(ArticleRepository articles, FeedRenderer renderer, FeedCompression compression, FeedBodies bodies,
			FeedProperties properties, ObjectProvider<FeedHub> hub, PublicUrls urls) {
		this.articles = articles;
		this.renderer = renderer;
		this.compression = compression;
		this.bodies = bodies;
		this.settings = properties;
		this.hub = hub.getIfAvailable(() -> FeedHub.NONE);
		this.logo = (this.settings.logoUrl() != null && !this.settings.logoUrl().isBlank())
				? this.settings.logoUrl().strip() : null;
		this.settingsDigest = Integer.toHexString(Objects.hash(RENDER_VERSION, urls.configured(), this.hub.url(""),
				this.logo, this.settings.ttl(), this.settings.defaultLimit()));
	}

	/** Identifies the settings that shape the bytes; part of every ETag. */
	String settingsDigest() {
		return this.settingsDigest;
	}

	/**
	 * Reads and renders one page as of {@code stamp} (which must have been read before
	 * the articles are, so the bytes are never older than their validators say).
	 */
	Mono<RenderedFeed> render(FeedKey key, FeedScope scope, FeedStamp stamp) {
		return this.articles.findPublished(scope.sections(), key.cursor(), key.limit() + 1)
			.collectList()
			.timeout(this.settings.renderTimeout())
			// Rendering is CPU work of a few milliseconds; keep it off the event loop.
			.publishOn(Schedulers.parallel())
			.map((found) -> render(key, scope, stamp, found));
	}

	RenderedFeed render(FeedKey key, FeedScope scope, FeedStamp stamp, List<Article> found) {
		boolean more = found.size() > key.limit();
		List<Article> page = more ? found.subList(0, key.limit()) : found;
		Long next = more ? page.get(page.size() - 1).seq() : null;
		Instant updated = (stamp.at() != null) ? stamp.at()
				: page.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		FeedPage feedPage = new FeedPage(scope, key.format(), page, updated, links(key, scope, next),
				this.settings.ttl().toMinutes(), this.bodies::of);
		byte[] plain = this.renderer.render(feedPage);
		return new RenderedFeed(stamp, key.format(), plain, FeedCompression.gzip(plain), this.compression.brotli(plain),
				RenderedFeed.Validators.of(stamp, this.settingsDigest));
	}

	private FeedPage.Links links(FeedKey key, FeedScope scope, Long next) {
		String feed = key.base() + scope.path(key.format());
		String limit = (key.limit() != this.settings.defaultLimit()) ? "limit=" + key.limit() : null;
		String first = (limit != null) ? feed + "?" + limit : feed;
		String self = (key.cursor() != null) ? feed + "?cursor=" + key.cursor() + ((limit != null) ? "&" + limit : "")
				: first;
		String nextUrl = (next != null) ? feed + "?cursor=" + next + ((limit != null) ? "&" + limit : "") : null;
		String logo = (this.logo != null) ? this.logo : key.base() + "/herald-logo.png";
		String home = key.base() + scope.homePath();
		return new FeedPage.Links(key.base(), home, self, first, nextUrl, this.hub.url(key.base()), logo);
	}

}
