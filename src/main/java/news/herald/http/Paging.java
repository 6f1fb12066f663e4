package news.herald.http;

/**
 * The {@code limit} and {@code cursor} query parameters shared by lists and feeds. A
 * cursor is an event id: a page holds what was published strictly before it.
 */
public final class Paging {

	private Paging() {
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
