package news.herald.audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The daily audience rows, written by the flush and read by the report. */
@Repository
class AudienceRepository {

	private final DatabaseClient db;

	AudienceRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The deployment's salt: made by whichever instance asks first, from PostgreSQL's
	 * strong random source, then the same for all.
	 */
	Mono<byte[]> salt() {
		return this.db.sql("""
				insert into audience_salt (id, salt)
				values (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
				on conflict (id) do nothing
				""")
			.then()
			.then(this.db.sql("select salt from audience_salt where id = 1")
				.map((row) -> row.get("salt", byte[].class))
				.one());
	}

	/** This instance's sketch of a feed's day so far, replacing its previous one. */
	Mono<Void> saveClients(LocalDate day, AudienceFeed feed, UUID instance, byte[] sketch, Instant at) {
		return this.db.sql("""
				insert into audience_clients (day, scope, format, filter, instance_id, sketch, flushed_at)
				values (:day, :scope, :format, :filter, :instance, :sketch, :at)
				on conflict (day, scope, format, filter, instance_id)
				do update set sketch = excluded.sketch, flushed_at = excluded.flushed_at
				""")
			.bind("day", day)
			.bind("scope", feed.scope())
			.bind("format", feed.format())
			.bind("filter", feed.filter())
			.bind("instance", instance)
			.bind("sketch", sketch)
			.bind("at", at)
			.then();
	}

	/**
	 * An aggregator's figure, unless a later one is already stored (another instance's).
	 */
	Mono<Void> saveSubscribers(LocalDate day, AudienceFeed feed, DayTally.Source source, DayTally.Reading reading) {
		return this.db.sql("""
				insert into audience_subscribers (day, scope, format, filter, aggregator, feed_id, subscribers, seen_at)
				values (:day, :scope, :format, :filter, :aggregator, :feedId, :subscribers, :at)
				on conflict (day, scope, format, filter, aggregator, feed_id)
				do update set subscribers = excluded.subscribers, seen_at = excluded.seen_at
				where audience_subscribers.seen_at <= excluded.seen_at
				""")
			.bind("day", day)
			.bind("scope", feed.scope())
			.bind("format", feed.format())
			.bind("filter", feed.filter())
			.bind("aggregator", source.aggregator())
			.bind("feedId", source.feedId())
			.bind("subscribers", reading.subscribers())
			.bind("at", reading.at())
			.then();
	}

	Mono<Void> savePeak(LocalDate day, String scope, int peak) {
		return this.db.sql("""
				insert into audience_live (day, scope, peak) values (:day, :scope, :peak)
				on conflict (day, scope) do update set peak = greatest(audience_live.peak, excluded.peak)
				""").bind("day", day).bind("scope", scope).bind("peak", peak).then();
	}

	/** Forgets the days before {@code oldest}. */
	Mono<Void> forgetBefore(LocalDate oldest) {
		return Flux
			.concat(this.db.sql("delete from audience_clients where day < :oldest").bind("oldest", oldest).then(),
					this.db.sql("delete from audience_subscribers where day < :oldest").bind("oldest", oldest).then(),
					this.db.sql("delete from audience_live where day < :oldest").bind("oldest", oldest).then())
			.then();
	}

	/** Every instance's sketches of the days from {@code from} to {@code to}. */
	Flux<ClientRow> clients(LocalDate from, LocalDate to) {
		return this.db.sql("""
				select day, scope, format, filter, sketch from audience_clients
				where day between :from and :to
				""")
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new ClientRow(row.get("day", LocalDate.class),
					new AudienceFeed(row.get("scope", String.class), row.get("format", String.class),
							row.get("filter", String.class)),
					row.get("sketch", byte[].class)))
			.all();
	}

	/** Each aggregator's figures per feed and day, summed over its feed ids. */
	Flux<SubscriberRow> subscribers(LocalDate from, LocalDate to) {
		return this.db.sql("""
				select day, scope, format, filter, aggregator, sum(subscribers)::int as subscribers
				from audience_subscribers where day between :from and :to
				group by day, scope, format, filter, aggregator
				""")
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new SubscriberRow(row.get("day", LocalDate.class),
					new AudienceFeed(row.get("scope", String.class), row.get("format", String.class),
							row.get("filter", String.class)),
					row.get("aggregator", String.class), row.get("subscribers", Integer.class)))
			.all();
	}

	Flux<LiveRow> peaks(LocalDate from, LocalDate to) {
		return this.db.sql("select day, scope, peak from audience_live where day between :from and :to")
			.bind("from", from)
			.bind("to", to)
			.map((row) -> new LiveRow(row.get("day", LocalDate.class), row.get("scope", String.class),
					row.get("peak", Integer.class)))
			.all();
	}

	record ClientRow(LocalDate day, AudienceFeed feed, byte[] sketch) {

	}

	record SubscriberRow(LocalDate day, AudienceFeed feed, String aggregator, int subscribers) {

	}

	record LiveRow(LocalDate day, String scope, int peak) {

	}

}
