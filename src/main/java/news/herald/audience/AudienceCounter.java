package news.herald.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final long SECONDS_PER_DAY = 86_400;

	private final Map<Key, DayTally> tallies = new ConcurrentHashMap<>();

	private final Clock clock;

	private final ClientAddress addresses;

	private final int maxFeeds;

	private volatile byte[] salt;

	AudienceCounter(Clock clock, ClientAddress addresses, AudienceProperties properties) {
		this.clock = clock;
		this.addresses = addresses;
		this.maxFeeds = properties.maxFeeds();
	}

	/** Counting starts once the deployment's salt is known. */
	void salt(byte[] salt) {
		this.salt = salt.clone();
	}

	boolean counting() {
		return this.salt != null;
	}

	/** Counts a feed request that was answered 200, 304 or 226. */
	void count(ServerHttpRequest request) {
		byte[] salt = this.salt;
		if (salt == null) {
			return;
		}
		AudienceFeed feed = AudienceFeed.of(request.getPath().value(), request.getURI().getRawQuery());
		if (feed == null) {
			return;
		}
		Instant now = this.clock.instant();
		DayTally tally = tally(LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY)), feed);
		String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
		Aggregators.Report report = Aggregators.parse(userAgent);
		if (report != null) {
			tally.reading(report, now);
		}
		else {
			tally.client(client(salt, this.addresses.of(request), userAgent));
		}
	}

	/** The tallies the flush writes out, by day and feed. */
	Map<Key, DayTally> tallies() {
		return this.tallies;
	}

	/** Drops a past day's tally once it has been written for the last time. */
	void forget(Key key, DayTally tally) {
		this.tallies.remove(key, tally);
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
	 * The salt, the address and the {@code User-Agent} in one array, which the sketch
	 * hashes: without the salt no one can test whether a given address was a client.
	 */
	private static byte[] client(byte[] salt, String address, String userAgent) {
		byte[] from = address.getBytes(StandardCharsets.ISO_8859_1);
		byte[] agent = (userAgent != null) ? userAgent.getBytes(StandardCharsets.UTF_8) : new byte[0];
		byte[] client = new byte[salt.length + from.length + 1 + agent.length];
		System.arraycopy(salt, 0, client, 0, salt.length);
		System.arraycopy(from, 0, client, salt.length, from.length);
		System.arraycopy(agent, 0, client, salt.length + from.length + 1, agent.length);
		return client;
	}

	/** A feed on a day (UTC). */
	record Key(LocalDate day, AudienceFeed feed) {

	}

}
