package news.herald.audience;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.util.concurrent.FastThreadLocal;
import org.apache.datasketches.hash.MurmurHash3;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import news.herald.http.ClientAddress;

/**
 * Counts a served feed request in memory, on the request's own thread: a map look-up and
 * either an aggregator's figure or one sketch update. Nothing here touches the database;
 * {@link AudienceFlush} writes the tallies out. The client's address and
 * {@code User-Agent} live only in this method: what is kept is a salted hash folded into
 * a sketch, or the aggregator's name, feed id and figure.
 */
@Component
class AudienceCounter {

	private static final long MILLIS_PER_DAY = 86_400_000L;

	/**
	 * Distinct paths and queries kept parsed at most: enough for every real feed and
	 * filter, while invented query strings are parsed afresh rather than kept.
	 */
	private static final int MAX_ASKED = 4096;

	/** The seed of the client hash; the deployment's salt is what keeps it secret. */
	private static final long SEED = 0x4865_7261_6c64_4155L;

	/** Each event loop hashes in its own buffer, so a count allocates nothing for it. */
	private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
		@Override
		protected byte[] initialValue() {
			return new byte[512];
		}
	};

	private final Map<Key, DayTally> tallies = new ConcurrentHashMap<>();

	private final Map<String, Asked> asked = new ConcurrentHashMap<>();

	private final Clock clock;

	private final ClientAddress clientAddress;

	private final int maxFeeds;

	private volatile byte[] salt;

	AudienceCounter(Clock clock, ClientAddress clientAddress, AudienceProperties properties) {
		this.clock = clock;
		this.clientAddress = clientAddress;
		this.maxFeeds = properties.maxFeeds();
	}

	/** Counting starts once the deployment's salt is known. */
	void salt(byte[] salt) {
		this.salt = salt.clone();
	}

	boolean counting() {
		return this.salt != null;
	}

	/**
	 * Counts a feed request that was answered 200, 304 or 226. Runs on every feed
	 * request, so a feed already seen today costs two map look-ups, a hash and one sketch
	 * update, and allocates next to nothing.
	 */
	void count(ServerHttpRequest request) {
		byte[] salt = this.salt;
		if (salt == null) {
			return;
		}
		Asked asked = asked(request.getPath().value(), request.getURI().getRawQuery());
		if (asked == null) {
			return;
		}
		long millis = this.clock.millis();
		DayTally tally = today(asked, Math.floorDiv(millis, MILLIS_PER_DAY));
		String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
		Aggregators.Report report = Aggregators.parse(userAgent);
		if (report != null) {
			tally.reading(report, Instant.ofEpochMilli(millis));
		}
		else {
			tally.client(client(salt, this.clientAddress.bytesOf(request), userAgent));
		}
	}

	/** The tallies the flush writes out, by day and feed. */
	Map<Key, DayTally> tallies() {
		return this.tallies;
	}

	/** Drops a past day's tally once it has been written for the last time. */
	void forget(Key key, DayTally tally) {
		if (this.tallies.remove(key, tally)) {
			tally.forgotten = true;
		}
	}

	/** The feed a path and query name, parsed once per distinct path and query. */
	private Asked asked(String path, String rawQuery) {
		String key = (rawQuery == null || rawQuery.isEmpty()) ? path : path + '?' + rawQuery;
		Asked asked = this.asked.get(key);
		if (asked != null) {
			return asked;
		}
		AudienceFeed feed = AudienceFeed.of(path, rawQuery);
		if (feed == null) {
			return null;
		}
		asked = new Asked(feed);
		if (this.asked.size() < MAX_ASKED) {
			Asked raced = this.asked.putIfAbsent(key, asked);
			return (raced != null) ? raced : asked;
		}
		return asked;
	}

	/** The feed's tally for the day, remembered beside it until the day changes. */
	private DayTally today(Asked asked, long epochDay) {
		Today today = asked.today;
		if (today != null && today.epochDay() == epochDay && !today.tally().forgotten) {
			return today.tally();
		}
		DayTally tally = tally(LocalDate.ofEpochDay(epochDay), asked.feed);
		asked.today = new Today(epochDay, tally);
		return tally;
	}

	private DayTally tally(LocalDate day, AudienceFeed feed) {
		Key key = new Key(day, feed);
		DayTally tally = this.tallies.get(key);
		if (tally != null) {
			return tally;
		}
		if (!feed.filter().isEmpty() && this.tallies.size() >= this.maxFeeds) {
			// Invented query strings must not grow memory without bound.
			return this.tallies.computeIfAbsent(new Key(day, feed.unfiltered()), (unused) -> new DayTally());
		}
		return this.tallies.computeIfAbsent(key, (unused) -> new DayTally());
	}

	/**
	 * The client as a 64-bit hash of the salt, its address and its {@code User-Agent}:
	 * without the salt no one can test whether a given address was a client. Header
	 * characters are bytes as HTTP sends them; any other character is written as a marked
	 * pair, so different headers never give the same input.
	 */
	private static long client(byte[] salt, byte[] from, String userAgent) {
		int agentLength = (userAgent != null) ? userAgent.length() : 0;
		int most = salt.length + 16 + 1 + 3 * agentLength;
		byte[] buffer = SCRATCH.get();
		if (buffer.length < most) {
			buffer = new byte[most];
		}
		System.arraycopy(salt, 0, buffer, 0, salt.length);
		int at = salt.length;
		if (from != null) {
			System.arraycopy(from, 0, buffer, at, from.length);
			at += from.length;
		}
		buffer[at++] = 0;
		for (int i = 0; i < agentLength; i++) {
			char c = userAgent.charAt(i);
			if (c < 0xFF) {
				buffer[at++] = (byte) c;
			}
			else {
				buffer[at++] = (byte) 0xFF;
				buffer[at++] = (byte) (c >> 8);
				buffer[at++] = (byte) c;
			}
		}
		return MurmurHash3.hash(buffer, 0, at, SEED)[0];
	}

	/** A feed on a day (UTC). */
	record Key(LocalDate day, AudienceFeed feed) {

	}

	/** A feed path and query as asked for, parsed once, and where it counts today. */
	private static final class Asked {

		final AudienceFeed feed;

		volatile Today today;

		Asked(AudienceFeed feed) {
			this.feed = feed;
		}

	}

	private record Today(long epochDay, DayTally tally) {

	}

}
