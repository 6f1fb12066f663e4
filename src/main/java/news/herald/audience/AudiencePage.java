package news.herald.audience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the audience page shows: a chart of followers per section over the period, the
 * last day's subscribers by aggregator, and the last day per section.
 *
 * @param from the first day shown
 * @param to the last day shown
 * @param scope the scope asked for, {@code ""} for all
 * @param key the key typed into the form, carried by the period form; null when the key
 * came in a header
 * @param chart the chart
 * @param aggregators the last day's subscribers by aggregator, most first
 * @param sections the last day per section, most followers first
 */
record AudiencePage(String from, String to, String scope, String key, AudienceChart chart,
		List<AggregatorRow> aggregators, List<SectionRow> sections) {

	static AudiencePage of(AudienceReport report, String key, String scope) {
		List<AudienceReport.Section> ranked = report.sections()
			.stream()
			.sorted(Comparator.comparingLong(AudienceReport.Section::latestFollowers)
				.reversed()
				.thenComparing(AudienceReport.Section::scope))
			.toList();
		Map<String, int[]> byAggregator = new TreeMap<>();
		List<SectionRow> sections = new ArrayList<>();
		for (AudienceReport.Section section : ranked) {
			AudienceReport.SectionDay last = section.days().get(section.days().size() - 1);
			last.aggregators().forEach((name, count) -> {
				int[] row = byAggregator.computeIfAbsent(name, (unused) -> new int[2]);
				row[0] += count;
				row[1]++;
			});
			sections.add(new SectionRow(section.scope(), number(last.followers()), number(last.aggregatorSubscribers()),
					number(last.directClients7d()), number(last.peakLiveReaders())));
		}
		List<AggregatorRow> aggregators = byAggregator.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, int[]> entry) -> entry.getValue()[0]).reversed())
			.map((entry) -> new AggregatorRow(entry.getKey(), number(entry.getValue()[0]), entry.getValue()[1]))
			.toList();
		return new AudiencePage(report.from().toString(), report.to().toString(), scope, key,
				AudienceChart.of(report.from(), report.to(), ranked), aggregators, sections);
	}

	boolean hasScope() {
		return !this.scope.isEmpty();
	}

	boolean signedInByForm() {
		return this.key != null;
	}

	boolean empty() {
		return this.sections.isEmpty();
	}

	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** An aggregator's subscribers on the last day, over the sections shown. */
	record AggregatorRow(String name, String subscribers, int sections) {

	}

	record SectionRow(String scope, String followers, String subscribers, String clients, String peak) {

	}

}
