package news.herald.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;

import news.herald.article.SearchQuery;
import news.herald.event.ArticleEvent;
import news.herald.http.BadRequestException;
import news.herald.http.Paging;

/**
 * Herald's feeds as WebSub topics: which URLs are feeds, which of them an event changed,
 * and what a feed looks like now. Every feed a GET serves is a topic, first page only: a
 * URL is read with the feeds' own query rules and kept in the spelling the feed links to
 * itself with ({@code ?lang=KK&tag=x} is {@code ?tag=x&lang=kk}); an event changes a
 * topic when it changes the feed's validators; content comes from the same cache and
 * renderer as a GET, so a subscriber receives exactly the bytes a poll would. A search
 * feed is a topic too: like its validators, it changes with every event.
 */
@Component
public class FeedTopics {

	private static final String FEEDS = "/feeds/";

	private static final String PARAMETER = "hub.topic";

	private final FeedScopes scopes;

	private final FeedSelections selections;

	private final FeedStamps stamps;

	private final FeedCache cache;

	private final FeedPages pages;

	private final FeedHub hub;

	private final FeedProperties settings;

	FeedTopics(FeedScopes scopes, FeedSelections selections, FeedStamps stamps, FeedCache cache, FeedPages pages,
			ObjectProvider<FeedHub> hub, FeedProperties properties) {
		this.scopes = scopes;
		this.selections = selections;
		this.stamps = stamps;
		this.cache = cache;
		this.pages = pages;
		this.hub = hub.getIfAvailable(() -> FeedHub.NONE);
		this.settings = properties;
	}

	/**
	 * The feed a URL names under a public base URL, by its shape alone; empty for
	 * anything else (another site, a page of history, an unknown section or parameter).
	 */
	public Optional<FeedTopic> find(String url, String base) {
		try {
			return Optional.of(parse(url, base));
		}
		catch (BadRequestException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The feed a subscriber names, checked as a GET of it would be: its tag, author or
	 * language must be one some article has.
	 * @throws BadRequestException naming {@code hub.topic}, saying why the URL is not a
	 * topic
	 */
	public FeedTopic topic(String url, String base) {
		FeedTopic topic = parse(url, base);
		if (topic.address() != null) {
			try {
				this.selections.resolve(topic.address());
			}
			catch (ErrorResponseException ex) {
				throw refused(url, base, ex.getBody().getDetail());
			}
		}
		return topic;
	}

	/** Whether the event changed what the topic's feed shows. */
	public boolean changedBy(FeedTopic topic, ArticleEvent event) {
		return topic.search() != null || this.stamps.touches(topic.address(), event);
	}

	/**
	 * The public URL of every outlet and section feed the event changed, in every format.
	 */
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
	 * The topic's feed as of the event or later; empty when the feed no longer exists (a
	 * GET would answer 404). The event may reach this caller before it reaches the feed
	 * validators, so the newer of the two stamps is rendered.
	 */
	public Mono<FeedContent> current(FeedTopic topic, ArticleEvent event) {
		FeedStamp stamp = new FeedStamp(event.id(), event.timeline(), event.createdAt());
		if (topic.search() != null) {
			FeedStamp rendered = newer(this.stamps.stamp(FeedScope.OUTLET), stamp);
			// The search feeds' cache is their controller's own; one render per event.
			FeedKey key = new FeedKey(topic.base(), topic.search().text(), topic.format(), null, topic.limit());
			return this.pages.renderSearch(key, topic.search(), rendered).map((feed) -> content(topic, feed));
		}
		FeedSelection selection;
		try {
			selection = this.selections.resolve(topic.address());
		}
		catch (ErrorResponseException ex) {
			return Mono.empty();
		}
		FeedStamp rendered = newer(this.stamps.stamp(topic.address()), stamp);
		FeedKey key = new FeedKey(topic.base(), topic.address().cacheKey(), topic.format(), null, topic.limit());
		return this.cache.render(key, rendered, () -> this.pages.render(key, selection, rendered))
			.map((feed) -> content(topic, feed));
	}

	private FeedContent content(FeedTopic topic, RenderedFeed feed) {
		return new FeedContent(feed.plain(), topic.format().contentType(), topic.url(), this.hub.url(topic.base()));
	}

	private static FeedStamp newer(FeedStamp known, FeedStamp event) {
		return (known != null) ? known.newer(event) : event;
	}

	private FeedTopic parse(String url, String base) {
		if (url == null || base == null || !url.startsWith(base + FEEDS)) {
			throw refused(url, base, "it is not under " + base + FEEDS + ".");
		}
		if (url.indexOf('#') >= 0) {
			throw refused(url, base, "a topic has no fragment.");
		}
		String rest = url.substring(base.length() + FEEDS.length());
		int question = rest.indexOf('?');
		String[] segments = ((question >= 0) ? rest.substring(0, question) : rest).split("/", -1);
		try {
			MultiValueMap<String, String> query = query((question >= 0) ? rest.substring(question + 1) : null);
			if (query.containsKey("cursor")) {
				throw refused(url, base, "a topic is a feed's first page; leave out cursor.");
			}
			String file = segments[segments.length - 1];
			FeedFormat format = FeedFormat.fromFileName(file);
			if (format == null) {
				throw refused(url, base, "'" + file + "' is none of the formats rss.xml, atom.xml and feed.json.");
			}
			int limit = Paging.parseLimit(query.getFirst("limit"), this.settings.defaultLimit(),
					this.settings.maxLimit());
			if (segments.length == 2 && segments[0].equals("search")) {
				List<String> q = query.get("q");
				SearchQuery words = (q != null && !q.contains(null)) ? SearchQuery.parse(q) : null;
				if (words == null) {
					throw SearchQuery.missing();
				}
				String self = base + FeedPages.searchPath(format, words.text());
				return new FeedTopic(withLimit(self, limit), base, format, limit, null, words);
			}
			FeedAddress address = FeedQuery.address(path(segments, url, base), query);
			return new FeedTopic(withLimit(base + address.path(format), limit), base, format, limit, address, null);
		}
		catch (BadRequestException ex) {
			Map<String, Object> problem = ex.getBody().getProperties();
			if (problem != null && PARAMETER.equals(problem.get("parameter"))) {
				throw ex;
			}
			throw refused(url, base, ex.getBody().getDetail());
		}
		catch (IllegalArgumentException ex) {
			throw refused(url, base, "its query is not percent-encoded as URLs are.");
		}
	}

	/** Where a feed path points, as {@link FeedController} maps it. */
	private FeedAddress path(String[] segments, String url, String base) {
		if (segments.length == 1) {
			return FeedAddress.of(FeedScope.OUTLET);
		}
		if (segments.length == 2) {
			FeedScope scope = this.scopes.byKey(segments[0]);
			if (scope == null || scope.isOutlet()) {
				throw refused(url, base, "there is no section '" + segments[0] + "'; GET /api/sections lists them.");
			}
			return FeedAddress.of(scope.key());
		}
		if (segments.length == 3 && segments[0].equals("tags")) {
			return new FeedAddress(FeedAddress.Kind.TAG, FeedScope.OUTLET, FeedQuery.slug("tag", segments[1]), null,
					null);
		}
		if (segments.length == 3 && segments[0].equals("authors")) {
			return new FeedAddress(FeedAddress.Kind.AUTHOR, FeedScope.OUTLET, null,
					FeedQuery.slug("author", segments[1]), null);
		}
		throw refused(url, base, "no feed has this path.");
	}

	private String withLimit(String self, int limit) {
		if (limit == this.settings.defaultLimit()) {
			return self;
		}
		return self + (self.contains("?") ? "&" : "?") + "limit=" + limit;
	}

	/**
	 * Query parameters decoded as a request's are: {@code tag=} has an empty value,
	 * {@code tag} none.
	 */
	private static MultiValueMap<String, String> query(String raw) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (raw == null) {
			return query;
		}
		for (String part : raw.split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int equals = part.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? part.substring(0, equals) : part, StandardCharsets.UTF_8);
			query.add(name,
					(equals >= 0) ? URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8) : null);
		}
		return query;
	}

	private static BadRequestException refused(String url, String base, String reason) {
		return new BadRequestException(PARAMETER, PARAMETER + " must be one of Herald's feeds, first page: "
				+ "the outlet's, a section's, a tag's or an author's (each with ?tag=, ?author=, ?lang= or ?limit= "
				+ "as on a GET) or a search's, such as " + base + "/feeds/atom.xml; '" + url + "' is not: " + reason);
	}

}
