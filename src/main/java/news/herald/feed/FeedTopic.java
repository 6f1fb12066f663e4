package news.herald.feed;

import news.herald.article.SearchQuery;

/**
 * A feed someone may subscribe to: the first page of one of Herald's feeds (the outlet's,
 * a section's, a tag's, an author's, any of them narrowed by {@code ?tag=},
 * {@code ?author=} and {@code ?lang=}, or a search), kept under the one URL the feed
 * gives itself, so that two spellings of one feed are one topic.
 */
public final class FeedTopic {

	private final String url;

	private final String base;

	private final FeedFormat format;

	private final int limit;

	private final FeedAddress address;

	private final SearchQuery search;

	FeedTopic(String url, String base, FeedFormat format, int limit, FeedAddress address, SearchQuery search) {
		this.url = url;
		this.base = base;
		this.format = format;
		this.limit = limit;
		this.address = address;
		this.search = search;
	}

	/** The feed's own URL ({@code rel="self"}): what subscriptions are kept under. */
	public String url() {
		return this.url;
	}

	/** The public base URL the topic starts with. */
	public String base() {
		return this.base;
	}

	public FeedFormat format() {
		return this.format;
	}

	int limit() {
		return this.limit;
	}

	/** Where the feed is; null for a search. */
	FeedAddress address() {
		return this.address;
	}

	/** The words of a search feed, null for any other. */
	SearchQuery search() {
		return this.search;
	}

	@Override
	public String toString() {
		return this.url;
	}

}
