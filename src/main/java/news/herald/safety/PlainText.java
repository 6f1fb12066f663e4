package news.herald.safety;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * Markup where plain text belongs. A one-line field (a headline, a name, a tag) is shown
 * as text by every feed format and reader, so an HTML tag or character reference in it is
 * shown literally ({@code AT&amp;amp;T}, {@code <b>bold</b>}) and, in Atom and RSS,
 * marked by the W3C validator as "should not contain HTML". It almost always means a CMS
 * sent HTML, or escaped text twice; it is refused so that the newsroom sees it, rather
 * than guessed at.
 */
public final class PlainText {

	// A tag opens with a known element's name followed by a space, '/' or '>' ("<b>",
	// "</title>", "<img src=x"); "x<y", "<3" and "C<T>" are text.
	private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)(?=[\\s/>])");

	// The validator's own pattern: '&' and a word, a named reference when the word is an
	// HTML entity, a numeric one when it starts with '#' or is not only letters.
	private static final Pattern REFERENCE = Pattern.compile("&(#?\\w+);?");

	private PlainText() {
	}

	/** The first markup in the text, or null when it is plain. */
	public static Markup firstMarkup(String text) {
		Matcher tag = TAG.matcher(text);
		while (tag.find()) {
			if (Tag.isKnownTag(tag.group(1).toLowerCase(Locale.ROOT))) {
				return new Markup(tag.start(), "the HTML tag " + written(text, tag.start(), tag.end()));
			}
		}
		Matcher reference = REFERENCE.matcher(text);
		while (reference.find()) {
			String name = reference.group(1);
			if (name.startsWith("#") || !name.chars().allMatch(Character::isLetter) || Entities.isNamedEntity(name)
					|| name.equals("apos")) {
				String written = reference.group();
				String meant = Parser.unescapeEntities(written.endsWith(";") ? written : written + ";", false);
				String hint = meant.equals(written) ? "" : " (send " + meant + " itself)";
				return new Markup(reference.start(), "the HTML character reference " + written + hint);
			}
		}
		return null;
	}

	// The tag up to its '>', or its start and an ellipsis when that is far or missing.
	private static String written(String text, int start, int nameEnd) {
		int close = text.indexOf('>', nameEnd);
		return (close >= 0 && close - start <= 60) ? text.substring(start, close + 1)
				: text.substring(start, nameEnd) + "…";
	}

	/**
	 * Markup found in a text.
	 *
	 * @param position its index in the text
	 * @param description what it is, as a person reads it
	 */
	public record Markup(int position, String description) {

	}

}
