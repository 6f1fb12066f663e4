package news.herald.audience;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One feed's counts on one day on this instance: its distinct direct clients since the
 * instance started (or the day began), and the aggregators' latest figures not yet
 * written.
 */
final class DayTally {

	final ClientSketch clients = new ClientSketch();

	final Map<Source, Reading> pending = new ConcurrentHashMap<>();

	/** Set by an update, cleared when the sketch is taken for writing. */
	volatile boolean changed;

	/** Set once the counter has let go of this tally: a count must not land here. */
	volatile boolean forgotten;

	void client(long hash) {
		this.clients.update(hash);
		// Written only when it changes: every feed request passes here, from both event
		// loops, and a write each time would bounce the line between cores.
		if (!this.changed) {
			this.changed = true;
		}
	}

	void reading(Aggregators.Report report, Instant at) {
		this.pending.put(new Source(report.aggregator(), report.feedId()), new Reading(report.subscribers(), at));
	}

	/** An aggregator's feed id. */
	record Source(String aggregator, String feedId) {

	}

	/** The figure an aggregator reported, and when. */
	record Reading(int subscribers, Instant at) {

	}

}
