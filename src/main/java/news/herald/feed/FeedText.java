package news.herald.feed;

import news.herald.safety.BodyHtmlSanitizer;
import news.herald.safety.XmlCharacters;

/**
 * The defensive pass over stored text as it goes into a feed. The publishing rules
 * already cleaned it when it was written; this runs the same rules again (from
 * {@code safety}, never rules of its own) so that a row written any other way cannot make
 * a feed unparseable for every reader (Rome refuses a character XML cannot carry) or hand
 * a reader a script.
 */
final class FeedText {

	private FeedText() {
	}

	/** Plain text under the one character rule; null stays null. */
	static String plain(String text) {
		return XmlCharacters.strip(text);
	}

	/** HTML under the one allow-list and the one character rule. */
	static String html(String html) {
		return BodyHtmlSanitizer.cleanForFeed(html);
	}

}
