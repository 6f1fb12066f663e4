package news.herald.audience;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import news.herald.http.BadRequestException;

/**
 * The days a report covers, from {@code from} to {@code to} inclusive (UTC dates); by
 * default the 30 days ending today.
 */
record AudiencePeriod(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_DAYS = 400;

	static AudiencePeriod of(String from, String to, LocalDate today) {
		LocalDate last = (to == null || to.isBlank()) ? today : date("to", to);
		LocalDate first = (from == null || from.isBlank()) ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
		if (first.isAfter(last)) {
			throw new BadRequestException("from", "'from' (" + first + ") is after 'to' (" + last + ").");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw new BadRequestException("from", "A report covers at most " + MAX_DAYS + " days.");
		}
		return new AudiencePeriod(first, last);
	}

	private static LocalDate date(String parameter, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(parameter,
					"'" + parameter + "' must be a date such as 2026-12-01, not '" + value.strip() + "'.");
		}
	}

}
