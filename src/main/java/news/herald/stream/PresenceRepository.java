package news.herald.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Every instance's open streams per scope, shared through PostgreSQL. */
@Repository
class PresenceRepository {

	private final DatabaseClient db;

	PresenceRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records this instance's counts (zeros included, so a scope that emptied says so).
	 */
	Mono<Void> report(UUID instance, Map<String, Integer> open) {
		if (open.isEmpty()) {
			return Mono.empty();
		}
		String[] scopes = open.keySet().toArray(String[]::new);
		Integer[] counts = new Integer[scopes.length];
		for (int i = 0; i < scopes.length; i++) {
			counts[i] = open.get(scopes[i]);
		}
		return this.db.sql("""
				insert into stream_presence (instance_id, scope, open, seen_at)
				select :instance, scope, open, now() from unnest(:scopes::text[], :counts::int[]) as t(scope, open)
				on conflict (instance_id, scope) do update set open = excluded.open, seen_at = excluded.seen_at
				""").bind("instance", instance).bind("scopes", scopes).bind("counts", counts).then();
	}

	/** Readers per scope, summed over the instances heard from within {@code expiry}. */
	Mono<Map<String, Integer>> totals(Duration expiry) {
		return this.db.sql("""
				select scope, sum(open)::int as readers from stream_presence
				where seen_at > now() - make_interval(secs => :expiry)
				group by scope
				""")
			.bind("expiry", (double) expiry.toMillis() / 1000)
			.map((row) -> Map.entry(row.get("scope", String.class), row.get("readers", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
			.map(Map::copyOf);
	}

	/**
	 * Drops the rows of instances not heard from for a long time, and this one's on stop.
	 */
	Mono<Void> forget(UUID instance, Duration olderThan) {
		return this.db.sql("""
				delete from stream_presence
				where instance_id = :instance or seen_at < now() - make_interval(secs => :olderThan)
				""").bind("instance", instance).bind("olderThan", (double) olderThan.toSeconds()).then();
	}

	Mono<Void> forgetStale(Duration olderThan) {
		return this.db.sql("delete from stream_presence where seen_at < now() - make_interval(secs => :olderThan)")
			.bind("olderThan", (double) olderThan.toSeconds())
			.then();
	}

}
