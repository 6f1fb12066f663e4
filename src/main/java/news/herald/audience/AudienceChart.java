package news.herald.audience;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Followers per section over the period as an inline SVG line chart: drawn on the server,
 * so the page needs no script and no other site. The sections with the most followers get
 * a line each; the chart scales to the width of a phone.
 *
 * @param lines one per section shown, most followers first
 * @param ticks the horizontal guides with their values
 * @param dates the first, middle and last day under the axis
 */
record AudienceChart(List<Line> lines, List<Tick> ticks, List<DateLabel> dates) {

	static final int WIDTH = 640;

	static final int HEIGHT = 260;

	static final int LEFT = 56;

	static final int RIGHT = 12;

	static final int TOP = 12;

	static final int BOTTOM = 28;

	static final int MAX_LINES = 8;

	/** Told apart by people with the common colour-vision deficiencies (Okabe–Ito). */
	private static final String[] COLOURS = { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
			"#000000", "#F0E442" };

	static AudienceChart of(LocalDate from, LocalDate to, List<AudienceReport.Section> ranked) {
		List<AudienceReport.Section> shown = ranked.subList(0, Math.min(MAX_LINES, ranked.size()));
		long max = 1;
		for (AudienceReport.Section section : shown) {
			for (AudienceReport.SectionDay day : section.days()) {
				max = Math.max(max, day.followers());
			}
		}
		long top = niceCeiling(max);
		int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			AudienceReport.Section section = shown.get(i);
			StringBuilder points = new StringBuilder();
			for (int d = 0; d < section.days().size(); d++) {
				if (d > 0) {
					points.append(' ');
				}
				points.append(format(x(d, days))).append(',').append(format(y(section.days().get(d).followers(), top)));
			}
			lines.add(new Line(section.scope(), COLOURS[i % COLOURS.length], points.toString(),
					String.format(Locale.ROOT, "%,d", section.latestFollowers())));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int t = 0; t <= 4; t++) {
			long value = top * t / 4;
			ticks.add(new Tick(format(y(value, top)), format(y(value, top) + 4),
					String.format(Locale.ROOT, "%,d", value)));
		}
		List<DateLabel> dates = new ArrayList<>();
		dates.add(new DateLabel(format(x(0, days)), "start", from.toString()));
		if (days > 2) {
			dates.add(new DateLabel(format(x(days / 2, days)), "middle", from.plusDays(days / 2).toString()));
		}
		if (days > 1) {
			dates.add(new DateLabel(format(x(days - 1, days)), "end", to.toString()));
		}
		return new AudienceChart(lines, ticks, dates);
	}

	int width() {
		return WIDTH;
	}

	int height() {
		return HEIGHT;
	}

	int left() {
		return LEFT;
	}

	int right() {
		return WIDTH - RIGHT;
	}

	int axisY() {
		return HEIGHT - BOTTOM;
	}

	int labelY() {
		return HEIGHT - 8;
	}

	private static double x(int day, int days) {
		double plot = WIDTH - LEFT - RIGHT;
		return (days <= 1) ? LEFT + plot / 2 : LEFT + plot * day / (days - 1);
	}

	private static double y(long value, long top) {
		double plot = HEIGHT - TOP - BOTTOM;
		return TOP + plot * (1 - (double) value / top);
	}

	/** 1, 2 or 5 times a power of ten, at least {@code value}, divisible by 4. */
	private static long niceCeiling(long value) {
		long power = 1;
		while (true) {
			for (long step : new long[] { 1, 2, 5 }) {
				long candidate = step * power * 4;
				if (candidate >= value) {
					return candidate;
				}
			}
			power *= 10;
		}
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	record Line(String scope, String colour, String points, String latest) {

	}

	record Tick(String y, String labelY, String label) {

	}

	record DateLabel(String x, String anchor, String label) {

	}

}
