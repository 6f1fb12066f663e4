package news.herald.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import news.herald.article.Article;
import news.herald.http.Sha256;
import news.herald.safety.UrlPolicy;

/**
 * One page of one feed, format-neutral: the articles and every absolute URL the renderers
 * need.
 *
 * @param scope the outlet or a section, narrowed by its filters
 * @param format the format being rendered (it names itself in {@code self})
 * @param articles newest first
 * @param updated when the feed last changed: the time of its newest event
 * @param links absolute URLs of this page and its neighbours
 * @param ttlMinutes how long a reader may cache it
 * @param bodies cleans (or looks up the cleaned) body of an article
 * @param query the words of a search feed, null for the outlet's and sections' feeds
 */
record FeedPage(FeedSelection scope, FeedFormat format, List<Article> articles, Instant updated, Links links,
		long ttlMinutes, Function<Article, String> bodies, String query) {

	/** The feed's title: the selection's, or the search's. */
	String title() {
		return (this.query != null) ? FeedScope.OUTLET_TITLE + " — search: " + this.query : this.scope.title();
	}

	/** What the feed carries, for people. */
	String description() {
		return (this.query != null) ? "Every story from Herald matching “" + this.query + "”, newest first"
				: this.scope.description();
	}

	/** The article's body as allow-listed, XML-legal HTML. */
	String body(Article article) {
		return this.bodies.apply(article);
	}

	/**
	 * @param base public base URL without a trailing slash
	 * @param home the ticker page of the outlet or section, for people
	 * @param self this page
	 * @param first the newest page, for RFC 5005 paging
	 * @param next the next older page, null on the last page
	 * @param hub the WebSub hub, null when none is configured
	 * @param logo the outlet's logo
	 */
	record Links(String base, String home, String self, String first, String next, String hub, String logo) {

		String sectionDomain() {
			return this.base + "/api/sections";
		}

		String tagDomain() {
			return this.base + "/tags";
		}

	}

	/** A stable id of the logical feed, the same on every page and host. */
	String feedId() {
		if (this.query != null) {
			// The words themselves are no valid URN text; their digest is, and is as
			// stable.
			return "urn:herald:feed:search:" + Sha256.hex(this.query.getBytes(StandardCharsets.UTF_8));
		}
		return this.scope.address().feedId();
	}

	/**
	 * The article's language when it differs from the feed's, for the item to say so;
	 * null when the feed's language covers it.
	 */
	String languageOf(Article article) {
		String language = article.language();
		return (language != null && !language.equalsIgnoreCase(this.scope.language())) ? FeedText.plain(language)
				: null;
	}

	static String itemId(Article article) {
		return "urn:uuid:" + article.id();
	}

	/**
	 * The URL as a URI if the one URL policy lets a page link to it (absolute http or
	 * https with a host), or null.
	 */
	static URI absoluteUri(String url) {
		return UrlPolicy.WEB.uri(url);
	}

	/** Best guess at an image's media type from its file extension. */
	static String imageType(String url) {
		String path = url.toLowerCase(Locale.ROOT);
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
			return "image/jpeg";
		}
		if (path.endsWith(".png")) {
			return "image/png";
		}
		if (path.endsWith(".gif")) {
			return "image/gif";
		}
		if (path.endsWith(".webp")) {
			return "image/webp";
		}
		if (path.endsWith(".avif")) {
			return "image/avif";
		}
		if (path.endsWith(".svg")) {
			return "image/svg+xml";
		}
		return "application/octet-stream";
	}

}
