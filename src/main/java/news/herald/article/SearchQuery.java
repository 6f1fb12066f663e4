package news.herald.article;

import java.util.List;
import java.util.regex.Pattern;

import news.herald.http.BadRequestException;
import news.herald.safety.LineCharacters;
import news.herald.safety.XmlCharacters;

/**
 * A reader's search words, the {@code q} parameter of the article list and of the search
 * feeds. Its syntax is PostgreSQL's {@code websearch_to_tsquery}: words must all appear
 * (in any language's inflection), {@code "quoted phrases"}, {@code or}, {@code -word}.
 * The words are echoed in a search feed's title, so they follow the rules of a one-line
 * field.
 *
 * @param text the words, stripped, with each run of white space made one space
 */
public record SearchQuery(String text) {

	/** The most characters (code points) a query may have. */
	public static final int MAX_LENGTH = 200;

	private static final String PARAMETER = "q";

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	/**
	 * The query from every value of {@code q} in a request, null when there is none.
	 * @throws BadRequestException for a repeated, blank, over-long or unprintable query
	 */
	public static SearchQuery parse(List<String> values) {
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw refused("Give q once; to search for several words, put them all in one q.");
		}
		String raw = values.get(0);
		int length = raw.codePointCount(0, raw.length());
		if (length > MAX_LENGTH) {
			throw refused("q must be at most " + MAX_LENGTH + " characters, got " + length + ".");
		}
		int illegal = XmlCharacters.firstIllegal(raw);
		if (illegal >= 0) {
			throw refused("q must not contain " + XmlCharacters.describe(raw, illegal) + " (at index " + illegal
					+ "): it is no character of text.");
		}
		int directional = LineCharacters.firstDirectionalControl(raw);
		if (directional >= 0) {
			throw refused("q must not contain the bidirectional control " + XmlCharacters.describe(raw, directional)
					+ " (at index " + directional + ").");
		}
		if (!LineCharacters.hasVisible(raw)) {
			throw refused("q must not be blank: give the words to search for, at most " + MAX_LENGTH + " characters.");
		}
		return new SearchQuery(WHITE_SPACE.matcher(raw.strip()).replaceAll(" "));
	}

	/** The 400 for a search feed requested without a query. */
	public static BadRequestException missing() {
		return refused("q is required: give the words to search for, at most " + MAX_LENGTH + " characters.");
	}

	private static BadRequestException refused(String detail) {
		return new BadRequestException(PARAMETER, detail);
	}

}
