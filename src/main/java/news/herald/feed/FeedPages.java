package news.herald.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import news.herald.article.Article;
import news.herald.article.ArticleRepository;
import news.herald.article.SearchQuery;
import news.herald.http.PublicUrls;

/** Reads a page of articles and renders it: the only way feed bytes are made. */
@Component
class FeedPages {

	/** Bump when the rendered bytes change shape, so ETags change with them. */
	private static final String RENDER_VERSION = "3";

	/** Where the search feeds are, relative to the public base URL. */
	static final String SEARCH_PATH = "/feeds/search/";

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
	Mono<RenderedFeed> render(FeedKey key, FeedSelection scope, FeedStamp stamp) {
		return this.articles.findPublished(scope.filter(), key.cursor(), key.limit() + 1)
			.collectList()
			.timeout(this.settings.renderTimeout())
			// Rendering is CPU work of a few milliseconds; keep it off the event loop.
			.publishOn(Schedulers.parallel())
			.map((found) -> render(key, scope, stamp, found));
	}

	/**
	 * Reads and renders one page of a search feed as of {@code stamp}, the outlet's: any
	 * event can change what a search finds.
	 */
	Mono<RenderedFeed> renderSearch(FeedKey key, SearchQuery query, FeedStamp stamp) {
		return this.articles.search(query, null, key.cursor(), key.limit() + 1)
			.collectList()
			.timeout(this.settings.renderTimeout())
			.publishOn(Schedulers.parallel())
			.map((found) -> render(key, FeedSelection.of(FeedScope.outlet()), query.text(), stamp, found));
	}

	RenderedFeed render(FeedKey key, FeedSelection scope, FeedStamp stamp, List<Article> found) {
		return render(key, scope, null, stamp, found);
	}

	private RenderedFeed render(FeedKey key, FeedSelection scope, String query, FeedStamp stamp, List<Article> found) {
		boolean more = found.size() > key.limit();
		List<Article> page = more ? found.subList(0, key.limit()) : found;
		Long next = more ? page.get(page.size() - 1).seq() : null;
		Instant updated = (stamp.at() != null) ? stamp.at()
				: page.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
		FeedPage.Links links = (query != null) ? searchLinks(key, query, next) : links(key, scope, next);
		FeedPage feedPage = new FeedPage(scope, key.format(), page, updated, links, this.settings.ttl().toMinutes(),
				this.bodies::of, query);
		byte[] plain = this.renderer.render(feedPage);
		return new RenderedFeed(stamp, key.format(), plain, FeedCompression.gzip(plain), this.compression.brotli(plain),
				RenderedFeed.Validators.of(stamp, this.settingsDigest));
	}

	private FeedPage.Links links(FeedKey key, FeedSelection scope, Long next) {
		// The filters stay on every page: the next page of a tag feed is of that tag.
		String feed = key.base() + scope.path(key.format());
		String and = feed.contains("?") ? "&" : "?";
		String limit = (key.limit() != this.settings.defaultLimit()) ? "limit=" + key.limit() : null;
		String first = (limit != null) ? feed + and + limit : feed;
		String self = (key.cursor() != null)
				? feed + and + "cursor=" + key.cursor() + ((limit != null) ? "&" + limit : "") : first;
		String nextUrl = (next != null) ? feed + and + "cursor=" + next + ((limit != null) ? "&" + limit : "") : null;
		String logo = (this.logo != null) ? this.logo : key.base() + "/herald-logo.png";
		String home = key.base() + scope.homePath();
		return new FeedPage.Links(key.base(), home, self, first, nextUrl, this.hub.url(key.base()), logo);
	}

	/**
	 * A search feed's links: its words come first in every query string, so that each
	 * page of one search has one URL.
	 */
	private FeedPage.Links searchLinks(FeedKey key, String query, Long next) {
		String feed = key.base() + searchPath(key.format(), query);
		String limit = (key.limit() != this.settings.defaultLimit()) ? "&limit=" + key.limit() : "";
		String first = feed + limit;
		String self = (key.cursor() != null) ? feed + "&cursor=" + key.cursor() + limit : first;
		String nextUrl = (next != null) ? feed + "&cursor=" + next + limit : null;
		String logo = (this.logo != null) ? this.logo : key.base() + "/herald-logo.png";
		return new FeedPage.Links(key.base(), key.base() + "/", self, first, nextUrl, this.hub.url(key.base()), logo);
	}

	/**
	 * A search feed's first page relative to the public base URL: one URL for one search,
	 * however its words were spelt.
	 */
	static String searchPath(FeedFormat format, String words) {
		return SEARCH_PATH + format.fileName() + "?q=" + encode(words);
	}

	/**
	 * Percent-encoded as a query value that every server decodes the same: a space as
	 * {@code %20} rather than a plus, which a reader could take for a literal plus.
	 */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
