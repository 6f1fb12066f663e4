package news.herald.safety;

/**
 * What a one-line field (a title, a name, a tag) must not be: only invisible characters,
 * which show as an empty headline, or carry bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a line read differently from what
 * it says. Such lines are refused rather than stripped: a newsroom should see the
 * problem.
 */
public final class LineCharacters {

	private LineCharacters() {
	}

	/** The index of the first bidirectional control, or -1. */
	public static int firstDirectionalControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether anything in the text shows: not only whitespace, format characters
	 * (zero-width spaces and joiners, U+2060, U+FEFF, soft hyphens), combining marks and
	 * the blank fillers.
	 */
	public static boolean hasVisible(String text) {
		return text.codePoints().anyMatch(LineCharacters::isVisible);
	}

	private static boolean isVisible(int codePoint) {
		if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
			return false;
		}
		return switch (Character.getType(codePoint)) {
			case Character.FORMAT, Character.CONTROL, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.COMBINING_SPACING_MARK, Character.UNASSIGNED, Character.PRIVATE_USE,
					Character.SURROGATE ->
				false;
			default -> !isBlankFiller(codePoint);
		};
	}

	// Hangul fillers and the blank braille pattern are letters or symbols that show
	// nothing.
	private static boolean isBlankFiller(int codePoint) {
		return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
				|| codePoint == 0x2800;
	}

}
