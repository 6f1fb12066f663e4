package news.herald.feed;

import org.springframework.http.MediaType;

/**
 * The wire formats a feed is offered in, each at its own file name. Public so that the
 * ticker page links to the feeds this package serves rather than to copies of their
 * names.
 */
public enum FeedFormat {

	RSS("rss.xml", "application/rss+xml", "RSS"), ATOM("atom.xml", "application/atom+xml", "Atom"),
	JSON("feed.json", "application/feed+json", "JSON Feed");

	private final String fileName;

	private final String label;

	private final MediaType mediaType;

	private final String contentType;

	FeedFormat(String fileName, String mediaType, String label) {
		this.fileName = fileName;
		this.label = label;
		this.mediaType = MediaType.parseMediaType(mediaType);
		this.contentType = mediaType + ";charset=utf-8";
	}

	public String fileName() {
		return this.fileName;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/** The format's name for people, e.g. in a link text. */
	public String label() {
		return this.label;
	}

	/** The {@code Content-Type} header value, charset included. */
	String contentType() {
		return this.contentType;
	}

	/** The format served at a file name, or null when there is none. */
	static FeedFormat fromFileName(String fileName) {
		for (FeedFormat format : values()) {
			if (format.fileName.equals(fileName)) {
				return format;
			}
		}
		return null;
	}

}
