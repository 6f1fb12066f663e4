package news.herald.audience;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Builds the audience report of a period from the stored days: merges every instance's
 * sketches per feed and day, then the 7-day windows, then the sections. Merging is CPU
 * work, so it runs off the event loop.
 */
@Component
class AudienceReports {

	static final int WINDOW_DAYS = 7;

	private final AudienceRepository repository;

	AudienceReports(AudienceRepository repository) {
		this.repository = repository;
	}

	/** The report of the days from {@code from} to {@code to}, for the scopes shown. */
	Mono<AudienceReport> report(LocalDate from, LocalDate to, Predicate<String> shown) {
		LocalDate windowStart = from.minusDays(WINDOW_DAYS - 1);
		Mono<List<AudienceRepository.ClientRow>> clients = this.repository.clients(windowStart, to)
			.filter((row) -> shown.test(row.feed().scope()))
			.collectList();
		Mono<List<AudienceRepository.SubscriberRow>> subscribers = this.repository.subscribers(from, to)
			.filter((row) -> shown.test(row.feed().scope()))
			.collectList();
		Mono<List<AudienceRepository.LiveRow>> peaks = this.repository.peaks(from, to)
			.filter((row) -> shown.test(row.scope()))
			.collectList();
		return Mono.zip(clients, subscribers, peaks)
			.publishOn(Schedulers.boundedElastic())
			.map((rows) -> build(from, to, rows.getT1(), rows.getT2(), rows.getT3()));
	}

	static AudienceReport build(LocalDate from, LocalDate to, List<AudienceRepository.ClientRow> clients,
			List<AudienceRepository.SubscriberRow> subscribers, List<AudienceRepository.LiveRow> peaks) {
		Map<AudienceFeed, Map<LocalDate, HllSketch>> daily = new HashMap<>();
		Map<AudienceFeed, Map<LocalDate, Union>> unions = new HashMap<>();
		for (AudienceRepository.ClientRow row : clients) {
			unions.computeIfAbsent(row.feed(), (feed) -> new HashMap<>())
				.computeIfAbsent(row.day(), (day) -> new Union(ClientSketch.LG_K))
				.update(HllSketch.heapify(row.sketch()));
		}
		unions.forEach((feed, days) -> days.forEach(
				(day, union) -> daily.computeIfAbsent(feed, (key) -> new HashMap<>()).put(day, union.getResult())));
		Map<AudienceFeed, Map<LocalDate, Map<String, Integer>>> figures = new HashMap<>();
		for (AudienceRepository.SubscriberRow row : subscribers) {
			figures.computeIfAbsent(row.feed(), (feed) -> new HashMap<>())
				.computeIfAbsent(row.day(), (day) -> new TreeMap<>())
				.merge(row.aggregator(), row.subscribers(), Integer::sum);
		}
		Map<String, Map<LocalDate, Integer>> live = new HashMap<>();
		for (AudienceRepository.LiveRow row : peaks) {
			live.computeIfAbsent(row.scope(), (scope) -> new HashMap<>()).merge(row.day(), row.peak(), Math::max);
		}
		TreeSet<AudienceFeed> feeds = new TreeSet<>(Comparator.comparing(AudienceFeed::scope)
			.thenComparing(AudienceFeed::format)
			.thenComparing(AudienceFeed::filter));
		feeds.addAll(figures.keySet());
		daily.forEach((feed, days) -> {
			if (days.keySet()
				.stream()
				.anyMatch((day) -> !day.isAfter(to) && !day.isBefore(from.minusDays(WINDOW_DAYS - 1)))) {
				feeds.add(feed);
			}
		});
		List<AudienceReport.Feed> feedReports = new ArrayList<>();
		Map<String, List<AudienceFeed>> byScope = new TreeMap<>();
		for (AudienceFeed feed : feeds) {
			byScope.computeIfAbsent(feed.scope(), (scope) -> new ArrayList<>()).add(feed);
			List<AudienceReport.FeedDay> days = new ArrayList<>();
			Map<LocalDate, HllSketch> sketches = daily.getOrDefault(feed, Map.of());
			Map<LocalDate, Map<String, Integer>> reported = figures.getOrDefault(feed, Map.of());
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				Map<String, Integer> aggregators = reported.getOrDefault(day, Map.of());
				days.add(new AudienceReport.FeedDay(day, aggregators, sum(aggregators),
						estimate(List.of(sketches), day, 1), estimate(List.of(sketches), day, WINDOW_DAYS)));
			}
			feedReports.add(new AudienceReport.Feed(feed.scope(), feed.format(), feed.filter(), feed.path(), days));
		}
		live.keySet().forEach((scope) -> byScope.computeIfAbsent(scope, (key) -> new ArrayList<>()));
		List<AudienceReport.Section> sections = new ArrayList<>();
		byScope.forEach((scope, scopeFeeds) -> {
			List<Map<LocalDate, HllSketch>> sketches = scopeFeeds.stream()
				.map((feed) -> daily.getOrDefault(feed, Map.of()))
				.toList();
			Map<LocalDate, Integer> peaksOfScope = live.getOrDefault(scope, Map.of());
			List<AudienceReport.SectionDay> days = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				Map<String, Integer> aggregators = new TreeMap<>();
				for (AudienceFeed feed : scopeFeeds) {
					figures.getOrDefault(feed, Map.of())
						.getOrDefault(day, Map.of())
						.forEach((name, count) -> aggregators.merge(name, count, Integer::sum));
				}
				int subscribed = sum(aggregators);
				long week = estimate(sketches, day, WINDOW_DAYS);
				days.add(new AudienceReport.SectionDay(day, aggregators, subscribed, estimate(sketches, day, 1), week,
						subscribed + week, peaksOfScope.getOrDefault(day, 0)));
			}
			sections.add(new AudienceReport.Section(scope, days));
		});
		return new AudienceReport(from, to, feedReports, sections);
	}

	/** Distinct clients over the {@code days} days ending on {@code day}, over feeds. */
	private static long estimate(List<Map<LocalDate, HllSketch>> feeds, LocalDate day, int days) {
		Union union = null;
		for (Map<LocalDate, HllSketch> sketches : feeds) {
			for (int back = 0; back < days; back++) {
				HllSketch sketch = sketches.get(day.minusDays(back));
				if (sketch != null) {
					if (union == null) {
						union = new Union(ClientSketch.LG_K);
					}
					union.update(sketch);
				}
			}
		}
		return (union != null) ? Math.round(union.getEstimate()) : 0;
	}

	private static int sum(Map<String, Integer> aggregators) {
		return aggregators.values().stream().mapToInt(Integer::intValue).sum();
	}

}
