package news.herald.web;

/**
 * The {@code limit} and {@code cursor} query parameters shared by lists and feeds. A
 * cursor is an event id: a page holds what was published strictly before it.
 */
public record Paging(int limit, Long cursor) {

	/**
	 * @param limit raw {@code limit} parameter, may be null
	 * @param cursor raw {@code cursor} parameter, may be null
	 * @param defaultLimit limit when none is given
	 * @param maxLimit largest limit accepted
	 * @param latestEventId newest event id; a larger cursor cannot have come from Herald
	 */
	public static Paging parse(String limit, String cursor, int defaultLimit, int maxLimit, long latestEventId) {
		return new Paging(parseLimit(limit, defaultLimit, maxLimit), parseCursor(cursor, latestEventId));
	}

	public static int parseLimit(String raw, int defaultLimit, int maxLimit) {
		if (raw == null) {
			return defaultLimit;
		}
		String message = "limit must be a whole number from 1 to " + maxLimit + ", got '" + raw + "'.";
		try {
			int limit = Integer.parseInt(raw.strip());
			if (limit < 1 || limit > maxLimit) {
				throw new BadRequestException("limit", message);
			}
			return limit;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("limit", message);
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
