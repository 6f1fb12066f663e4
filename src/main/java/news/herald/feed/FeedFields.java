package news.herald.feed;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Which optional fields a feed sends. Validators (and readers that show a box for every
 * summary) treat an empty element as a mistake, so an element with nothing to say is left
 * out rather than sent blank.
 */
final class FeedFields {

	private static final Document.OutputSettings ESCAPE = new Document.OutputSettings().charset("UTF-8")
		.escapeMode(Entities.EscapeMode.xhtml);

	private FeedFields() {
	}

	/** XML-legal plain text, or null when nothing but white space is left. */
	static String text(String text) {
		String plain = FeedText.plain(text);
		return (plain != null && !plain.isBlank()) ? plain : null;
	}

	/** The cleaned body, or null when cleaning left nothing but white space. */
	static String html(String cleaned) {
		return (cleaned != null && !cleaned.isBlank()) ? cleaned : null;
	}

	/**
	 * Plain text made into HTML that reads the same, for fields that readers render as
	 * HTML (an RSS description): a summary's {@code <img onerror>} stays text.
	 */
	static String escapedHtml(String plain) {
		return Entities.escape(plain, ESCAPE);
	}

}
