package news.herald.safety;

import org.jdom2.Verifier;

/**
 * Herald's one rule for the characters stored text may hold: what XML 1.0 can carry
 * (JDOM's {@link Verifier#isXMLCharacter(int)}, the check Rome's own output makes), less
 * DEL and the C1 controls U+007F–U+009F. Those are legal XML 1.0 but discouraged by its
 * §2.2, are never text a reader should see, and were already dropped from feeds; they are
 * now treated like the C0 controls, U+FFFE, U+FFFF and unpaired surrogates, everywhere.
 * One of those in a stored article would make every feed it appears in unparseable or,
 * for the discouraged ones, unreadable.
 */
public final class XmlCharacters {

	private XmlCharacters() {
	}

	/** Whether a code point may appear in stored text and in every feed. */
	public static boolean isAllowed(int codePoint) {
		return Verifier.isXMLCharacter(codePoint) && (codePoint < 0x7F || codePoint > 0x9F);
	}

	/** Index of the first character the rule refuses, or -1. */
	public static int firstIllegal(String text) {
		for (int i = 0; i < text.length();) {
			// An unpaired surrogate comes back as itself, which the rule refuses.
			int codePoint = text.codePointAt(i);
			if (!isAllowed(codePoint)) {
				return i;
			}
			i += Character.charCount(codePoint);
		}
		return -1;
	}

	/** The text without the characters the rule refuses; the same instance if clean. */
	public static String strip(String text) {
		if (text == null) {
			return null;
		}
		int first = firstIllegal(text);
		if (first < 0) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length()).append(text, 0, first);
		for (int i = first; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (isAllowed(codePoint)) {
				clean.appendCodePoint(codePoint);
			}
			i += Character.charCount(codePoint);
		}
		return clean.toString();
	}

	/** A description of the character at the index, for a person: "U+0001". */
	public static String describe(String text, int index) {
		return String.format("U+%04X", text.codePointAt(index));
	}

}
