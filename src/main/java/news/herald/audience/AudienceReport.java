package news.herald.audience;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/audience} answers: per feed and per day (UTC), and rolled up per
 * section. A feed's or a section's followers on a day are its aggregators' subscribers
 * plus its distinct direct clients over the 7 days ending that day.
 *
 * @param from the first day
 * @param to the last day
 * @param feeds each feed counted in the period
 * @param sections each scope, its feeds together (distinct clients counted once across
 * formats), with the peak of live ticker readers
 */
record AudienceReport(LocalDate from, LocalDate to, List<Feed> feeds, List<Section> sections) {

	/**
	 * @param scope {@code outlet}, a section, or another feed kind's path
	 * @param format the file name
	 * @param filter the normalized query, {@code ""} for none
	 * @param path what readers fetch
	 * @param days every day of the period
	 */
	record Feed(String scope, String format, String filter, String path, List<FeedDay> days) {

	}

	/**
	 * @param day the day
	 * @param aggregators each aggregator's subscribers: its latest figure per feed id
	 * that day, summed over its feed ids
	 * @param aggregatorSubscribers the sum over aggregators
	 * @param directClients distinct direct clients that day
	 * @param directClients7d distinct direct clients over the 7 days ending that day
	 */
	record FeedDay(LocalDate day, Map<String, Integer> aggregators, int aggregatorSubscribers, long directClients,
			long directClients7d) {

	}

	record Section(String scope, List<SectionDay> days) {

		/** The last day's followers, by which sections are ranked. */
		long latestFollowers() {
			return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).followers();
		}

	}

	/**
	 * @param peakLiveReaders the most live ticker readers of the section seen at once
	 */
	record SectionDay(LocalDate day, Map<String, Integer> aggregators, int aggregatorSubscribers, long directClients,
			long directClients7d, long followers, int peakLiveReaders) {

	}

}
