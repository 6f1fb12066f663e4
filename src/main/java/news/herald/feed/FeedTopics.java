package news.herald.feed;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.http.BadRequestException;
import news.herald.http.Paging;

/**
 * Herald's feeds as WebSub topics: which URLs are feeds, which of them an event changed,
 * and what a feed looks like now. Content comes from the same cache and renderer as a
 * GET, so a subscriber receives exactly the bytes a poll would.
 */
@Component
public class FeedTopics {

	private static final String FEEDS = "/feeds/";

	private final FeedScopes scopes;

	private final FeedStamps stamps;

	private final FeedCache cache;

	private final FeedPages pages;

	private final FeedHub hub;

	private final FeedProperties settings;

	FeedTopics(FeedScopes scopes, FeedStamps stamps, FeedCache cache, FeedPages pages, ObjectProvider<FeedHub> hub,
			FeedProperties properties) {
		this.scopes = scopes;
		this.stamps = stamps;
		this.cache = cache;
		this.pages = pages;
		this.hub = hub.getIfAvailable(() -> FeedHub.NONE);
		this.settings = properties;
	}

	/**
	 * The feed a URL names under a public base URL: the first page of a scope in a
	 * format, optionally with {@code ?limit=}; empty for anything else (another site, a
	 * page of history, an unknown section).
	 */
	public Optional<FeedTopic> find(String url, String base) {
		if (url == null || base == null || !url.startsWith(base + FEEDS) || url.indexOf('#') >= 0) {
			return Optional.empty();
		}
		String rest = url.substring(base.length() + FEEDS.length());
		int question = rest.indexOf('?');
		String path = (question >= 0) ? rest.substring(0, question) : rest;
		String query = (question >= 0) ? rest.substring(question + 1) : null;
		int limit = this.settings.defaultLimit();
		if (query != null) {
			if (!query.startsWith("limit=") || query.indexOf('&') >= 0) {
				return Optional.empty();
			}
			try {
				limit = Paging.parseLimit(query.substring("limit=".length()), this.settings.defaultLimit(),
						this.settings.maxLimit());
			}
			catch (BadRequestException ex) {
				return Optional.empty();
			}
		}
		int slash = path.indexOf('/');
		String scopeKey = (slash >= 0) ? path.substring(0, slash) : FeedScope.OUTLET;
		FeedFormat format = FeedFormat.fromFileName((slash >= 0) ? path.substring(slash + 1) : path);
		FeedScope scope = this.scopes.byKey(scopeKey);
		if (format == null || scope == null || (slash >= 0 && scope.isOutlet())) {
			return Optional.empty();
		}
		return Optional.of(new FeedTopic(url, base, scopeKey, format, limit));
	}

	/** Whether the event changed what the topic's feed shows. */
	public boolean changedBy(FeedTopic topic, ArticleEvent event) {
		return this.scopes.affectedBy(event).contains(topic.scope());
	}

	/** The public URL of every feed the event changed, in every format. */
	public Set<String> urlsChangedBy(ArticleEvent event, String base) {
		Set<String> urls = new LinkedHashSet<>();
		for (String key : this.scopes.affectedBy(event)) {
			FeedScope scope = this.scopes.byKey(key);
			for (FeedFormat format : FeedFormat.values()) {
				urls.add(base + scope.path(format));
			}
		}
		return urls;
	}

	/**
	 * The topic's feed as of the event or later. The event may reach this caller before
	 * it reaches the feed validators, so the newer of the two stamps is rendered.
	 */
	public Mono<FeedContent> current(FeedTopic topic, ArticleEvent event) {
		FeedScope scope = this.scopes.byKey(topic.scope());
		if (scope == null) {
			return Mono.empty();
		}
		FeedStamp known = this.stamps.stamp(scope.key());
		FeedStamp stamp = new FeedStamp(event.id(), event.timeline(), event.createdAt());
		if (known != null) {
			stamp = known.newer(stamp);
		}
		FeedStamp rendered = stamp;
		FeedKey key = new FeedKey(topic.base(), scope.key(), topic.format(), null, topic.limit());
		String self = topic.base() + scope.path(topic.format())
				+ ((topic.limit() != this.settings.defaultLimit()) ? "?limit=" + topic.limit() : "");
		return this.cache.render(key, rendered, () -> this.pages.render(key, FeedSelection.of(scope), rendered))
			.map((feed) -> new FeedContent(feed.plain(), topic.format().contentType(), self,
					this.hub.url(topic.base())));
	}

}
