package news.herald.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a feed is and what it holds, as plain slugs: what the fast path can read off a
 * request without resolving anything. The path names a section (or the outlet), a tag or
 * an author; the query may narrow it by the filters the path does not name.
 *
 * @param kind what the path names
 * @param scope the section slug, {@code ""} for the outlet (tag and author feeds span the
 * outlet)
 * @param tag a tag slug, or null
 * @param author an author slug, or null
 * @param language a language tag in lower case, or null
 */
record FeedAddress(Kind kind, String scope, String tag, String author, String language) {

	enum Kind {

		SECTION, TAG, AUTHOR

	}

	static FeedAddress of(String scope) {
		return new FeedAddress(Kind.SECTION, scope, null, null, null);
	}

	/** Neither a tag, an author nor a language: the outlet's or a section's own feed. */
	boolean unfiltered() {
		return this.tag == null && this.author == null && this.language == null;
	}

	/** The query string of the filters the path does not carry, "" when none. */
	String query() {
		boolean tag = this.tag != null && this.kind != Kind.TAG;
		boolean author = this.author != null && this.kind != Kind.AUTHOR;
		if (!tag && !author && this.language == null) {
			// The hottest requests have no filter; they build no string.
			return "";
		}
		List<String> parts = new ArrayList<>(3);
		if (this.tag != null && this.kind != Kind.TAG) {
			parts.add("tag=" + this.tag);
		}
		if (this.author != null && this.kind != Kind.AUTHOR) {
			parts.add("author=" + this.author);
		}
		if (this.language != null) {
			parts.add("lang=" + this.language);
		}
		return String.join("&", parts);
	}

	/**
	 * Path (and filter query) of this feed in a format, relative to the public base URL.
	 */
	String path(FeedFormat format) {
		String path = switch (this.kind) {
			case SECTION ->
				this.scope.isEmpty() ? "/feeds/" + format.fileName() : "/feeds/" + this.scope + "/" + format.fileName();
			case TAG -> "/feeds/tags/" + this.tag + "/" + format.fileName();
			case AUTHOR -> "/feeds/authors/" + this.author + "/" + format.fileName();
		};
		String query = query();
		return query.isEmpty() ? path : path + "?" + query;
	}

	/**
	 * Identifies the rendered bytes: two addresses of one feed (a tag's path, the outlet
	 * with {@code ?tag=}) link to themselves and so render differently.
	 */
	String cacheKey() {
		String path = switch (this.kind) {
			case SECTION -> this.scope;
			case TAG -> "tags/" + this.tag;
			case AUTHOR -> "authors/" + this.author;
		};
		String query = query();
		return query.isEmpty() ? path : path + "?" + query;
	}

	/**
	 * Identifies what the feed holds, however it was addressed: the key of its
	 * validators. The outlet, a section, one tag, one author or one language alone is
	 * kept for every value; a combination is {@code <scope>?tag=..&author=..&lang=..}.
	 */
	String stampKey() {
		if (unfiltered()) {
			return this.scope;
		}
		if (this.scope.isEmpty()) {
			if (this.author == null && this.language == null) {
				return "tag:" + this.tag;
			}
			if (this.tag == null && this.language == null) {
				return "author:" + this.author;
			}
			if (this.tag == null && this.author == null) {
				return "lang:" + this.language;
			}
		}
		return combination();
	}

	/** Whether {@link #stampKey()} is one of the keys kept for every value. */
	boolean kept() {
		int filters = ((this.tag != null) ? 1 : 0) + ((this.author != null) ? 1 : 0)
				+ ((this.language != null) ? 1 : 0);
		return filters == 0 || (filters == 1 && this.scope.isEmpty());
	}

	private String combination() {
		StringBuilder key = new StringBuilder(this.scope).append('?');
		if (this.tag != null) {
			key.append("tag=").append(this.tag).append('&');
		}
		if (this.author != null) {
			key.append("author=").append(this.author).append('&');
		}
		if (this.language != null) {
			key.append("lang=").append(this.language).append('&');
		}
		return key.substring(0, key.length() - 1);
	}

	/** A stable id of the logical feed, the same on every page, host and address. */
	String feedId() {
		if (unfiltered()) {
			return this.scope.isEmpty() ? "urn:herald:feed:outlet" : "urn:herald:feed:section:" + this.scope;
		}
		StringBuilder id = new StringBuilder("urn:herald:feed");
		if (!this.scope.isEmpty()) {
			id.append(":section:").append(this.scope);
		}
		if (this.tag != null) {
			id.append(":tag:").append(this.tag);
		}
		if (this.author != null) {
			id.append(":author:").append(this.author);
		}
		if (this.language != null) {
			id.append(":lang:").append(this.language);
		}
		return id.toString();
	}

}
