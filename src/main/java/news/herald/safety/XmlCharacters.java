package news.herald.safety;

/**
 * The characters XML 1.0 cannot carry: C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF and unpaired surrogates. One of them in a stored article would make every feed
 * it appears in unparseable.
 */
public final class XmlCharacters {

	private XmlCharacters() {
	}

	/** Index of the first character XML 1.0 cannot carry, or -1. */
	public static int firstIllegal(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (!isLegal(c)) {
				return i;
			}
		}
		return -1;
	}

	/** The text without the characters XML 1.0 cannot carry. */
	public static String strip(String text) {
		if (text == null || firstIllegal(text) < 0) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					clean.append(c).append(text.charAt(++i));
				}
				continue;
			}
			if (isLegal(c)) {
				clean.append(c);
			}
		}
		return clean.toString();
	}

	/** A description of the character at the index, for a person: "U+0001". */
	public static String describe(String text, int index) {
		return String.format("U+%04X", (int) text.charAt(index));
	}

	/** Legal as a lone UTF-16 unit; surrogate pairs are handled by the callers. */
	private static boolean isLegal(char c) {
		if (c < 0x20) {
			return c == '\t' || c == '\n' || c == '\r';
		}
		if (Character.isSurrogate(c)) {
			return false;
		}
		return c != 0xFFFE && c != 0xFFFF;
	}

}
