package news.herald.http;

/**
 * The {@code limit} and {@code cursor} query parameters shared by lists and feeds, and
 * the one reading of every whole-number parameter. A cursor is an event id: a page holds
 * what was published strictly before it.
 */
public final class Paging {

	private Paging() {
	}

	public static int parseLimit(String raw, int defaultLimit, int maxLimit) {
		return parseWholeNumber("limit", raw, defaultLimit, 1, maxLimit);
	}

	/**
	 * A whole-number query parameter from {@code min} to {@code max}, {@code absent} when
	 * it is not given; anything else is a 400 that says what is accepted.
	 */
	public static int parseWholeNumber(String parameter, String raw, int absent, int min, int max) {
		if (raw == null) {
			return absent;
		}
		String message = parameter + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'.";
		try {
			int value = Integer.parseInt(raw.strip());
			if (value < min || value > max) {
				throw new BadRequestException(parameter, message);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(parameter, message);
		}
	}

	public static Long parseCursor(String raw, long latestEventId) {
		if (raw == null) {
			return null;
		}
		String message = "cursor '" + raw + "' is not one Herald gave out; use the nextCursor of a previous page, "
				+ "or leave it out for the newest page.";
		try {
			long cursor = Long.parseLong(raw.strip());
			if (cursor < 1 || cursor > latestEventId + 1) {
				throw new BadRequestException("cursor", message);
			}
			return cursor;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("cursor", message);
		}
	}

}
