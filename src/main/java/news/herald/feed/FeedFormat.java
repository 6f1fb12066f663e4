package news.herald.feed;

import org.springframework.http.MediaType;

/** The wire formats a feed is offered in, each at its own file name. */
enum FeedFormat {

	RSS("rss.xml", "application/rss+xml"), ATOM("atom.xml", "application/atom+xml"),
	JSON("feed.json", "application/feed+json");

	private final String fileName;

	private final MediaType mediaType;

	private final String contentType;

	FeedFormat(String fileName, String mediaType) {
		this.fileName = fileName;
		this.mediaType = MediaType.parseMediaType(mediaType);
		this.contentType = mediaType + ";charset=utf-8";
	}

	String fileName() {
		return this.fileName;
	}

	MediaType mediaType() {
		return this.mediaType;
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
