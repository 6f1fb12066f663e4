package news.herald.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes article text safe to put in a feed: no character XML 1.0 forbids (a single one
 * would make the whole feed unparseable for every reader), and bodies reduced to an
 * allow-list of HTML so a reader never runs a script it got from us.
 */
final class FeedText {

	private static final Safelist BODY = Safelist.relaxed()
		.addTags("figure", "figcaption")
		// Direction and language matter for right-to-left stories.
		.addAttributes(":all", "dir", "lang")
		.addAttributes("a", "rel")
		.addEnforcedAttribute("a", "rel", "nofollow noopener");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false)
		.charset("UTF-8")
		.escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);

	private FeedText() {
	}

	/** Plain text with every XML-illegal character removed; null stays null. */
	static String plain(String text) {
		if (text == null) {
			return null;
		}
		int length = text.length();
		for (int i = 0; i < length; i++) {
			if (!legalAt(text, i)) {
				return strip(text);
			}
		}
		return text;
	}

	/** Allow-listed HTML with every XML-illegal character removed. */
	static String html(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		return plain(Jsoup.clean(plain(html), "", BODY, OUTPUT));
	}

	private static String strip(String text) {
		StringBuilder legal = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			if (legalAt(text, i)) {
				legal.append(text.charAt(i));
			}
		}
		return legal.toString();
	}

	/**
	 * Whether the char at {@code i} may appear in XML 1.0: tab, newline, carriage return,
	 * U+0020–U+D7FF, U+E000–U+FFFD and properly paired surrogates.
	 */
	private static boolean legalAt(String text, int i) {
		char c = text.charAt(i);
		if (c >= 0x20 && c < 0xD800) {
			return c != 0x7F && !(c >= 0x80 && c <= 0x9F);
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			return true;
		}
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
		}
		return c >= 0xE000 && c <= 0xFFFD;
	}

}
