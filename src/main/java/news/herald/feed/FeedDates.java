package news.herald.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The one place where Herald's {@link Instant}s meet Rome's {@link Date}s, and where feed
 * dates get their wire form.
 */
final class FeedDates {

	private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

	private FeedDates() {
	}

	static Date toDate(Instant instant) {
		return (instant != null) ? Date.from(instant.truncatedTo(ChronoUnit.SECONDS)) : null;
	}

	/** RFC 3339 in UTC with second precision, as Atom and JSON Feed want it. */
	static String rfc3339(Instant instant) {
		return (instant != null) ? RFC_3339.format(instant.truncatedTo(ChronoUnit.SECONDS)) : null;
	}

}
