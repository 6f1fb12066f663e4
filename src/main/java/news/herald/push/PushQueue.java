package news.herald.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The durable queue every push protocol shares: payloads, one delivery row per
 * destination, claims with {@code for update skip locked} so each attempt is made by one
 * instance, and the retry schedule.
 */
@Repository
public class PushQueue {

	private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	PushQueue(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Stores a message and one delivery per destination, in one statement; the number of
	 * deliveries created, 0 when another instance already enqueued this message.
	 */
	public Mono<Long> enqueue(PushMessage message, List<PushDestination> destinations) {
		if (destinations.isEmpty()) {
			return Mono.just(0L);
		}
		return this.db.sql("""
				with payload as (
				    insert into push_payloads (channel, topic, event_id, published_at, content_type, headers, body)
				    values (:channel, :topic, :eventId, :publishedAt, :contentType, :headers, :body)
				    on conflict (channel, topic, event_id) do nothing
				    returning id, channel
				), created as (
				    insert into push_deliveries (payload_id, channel, subscriber, destination, secret)
				    select payload.id, payload.channel, d.subscriber, d.destination, nullif(d.secret, '')
				    from payload, unnest(cast(:subscribers as bigint[]), cast(:destinations as text[]),
				                         cast(:secrets as text[])) as d (subscriber, destination, secret)
				    returning 1
				)
				select count(*) as created from created
				""")
			.bind("channel", message.channel())
			.bind("topic", message.topic())
			.bind("eventId", message.eventId())
			.bind("publishedAt", message.publishedAt())
			.bind("contentType", message.contentType())
			.bind("headers", Json.of(this.json.writeValueAsBytes(message.headers())))
			.bind("body", message.body())
			.bind("subscribers", destinations.stream().map(PushDestination::subscriber).toArray(Long[]::new))
			.bind("destinations", destinations.stream().map(PushDestination::url).toArray(String[]::new))
			.bind("secrets",
					destinations.stream().map((d) -> (d.secret() != null) ? d.secret() : "").toArray(String[]::new))
			.map((row) -> row.get("created", Long.class))
			.one();
	}

	/**
	 * Claims up to {@code limit} due deliveries for one attempt each. A claim makes the
	 * row due again after the lease, so a delivery whose instance died is retried by
	 * another.
	 */
	Flux<Delivery> claim(String instance, int limit, Duration lease) {
		return this.db.sql("""
				update push_deliveries d
				set attempts = d.attempts + 1, claimed_by = :instance,
				    next_attempt_at = clock_timestamp() + make_interval(secs => :lease)
				from (
				    select id from push_deliveries
				    where state = 'queued' and next_attempt_at <= clock_timestamp()
				    order by next_attempt_at
				    limit :limit
				    for update skip locked
				) due
				where d.id = due.id
				returning d.id, d.channel, d.payload_id, d.subscriber, d.destination, d.secret, d.attempts
				""")
			.bind("instance", instance)
			.bind("lease", lease.toMillis() / 1000.0)
			.bind("limit", limit)
			.map((row) -> new Delivery(row.get("id", Long.class), row.get("channel", String.class),
					row.get("payload_id", Long.class), row.get("subscriber", Long.class),
					row.get("destination", String.class), row.get("secret", String.class),
					row.get("attempts", Integer.class)))
			.all();
	}

	Mono<Payload> payload(long id) {
		return this.db.sql("select id, published_at, content_type, headers, body from push_payloads where id = :id")
			.bind("id", id)
			.map((row) -> new Payload(row.get("id", Long.class), row.get("published_at", Instant.class),
					row.get("content_type", String.class),
					this.json.readValue(row.get("headers", Json.class).asArray(), HEADERS),
					row.get("body", byte[].class)))
			.one();
	}

	/** Takes delivered rows off the queue, many in one statement. */
	Mono<Void> delivered(List<Long> ids) {
		return this.db.sql("delete from push_deliveries where id = any(cast(:ids as bigint[]))")
			.bind("ids", ids.toArray(Long[]::new))
			.then();
	}

	/**
	 * Hands claimed deliveries that were never attempted back to the queue, due now: the
	 * instance is stopping. Only while the claim is still this instance's.
	 */
	Mono<Void> release(String instance, List<Long> ids) {
		return this.db.sql("""
				update push_deliveries
				set attempts = attempts - 1, next_attempt_at = clock_timestamp()
				where id = any(cast(:ids as bigint[])) and claimed_by = :instance and state = 'queued'
				""").bind("ids", ids.toArray(Long[]::new)).bind("instance", instance).then();
	}

	Mono<Void> retry(long id, Duration delay, String error) {
		return this.db.sql("""
				update push_deliveries
				set next_attempt_at = clock_timestamp() + make_interval(secs => :delay), last_error = :error
				where id = :id
				""").bind("id", id).bind("delay", delay.toMillis() / 1000.0).bind("error", error).then();
	}

	Mono<Void> abandon(long id, String error) {
		return this.db.sql("update push_deliveries set state = 'abandoned', last_error = :error where id = :id")
			.bind("id", id)
			.bind("error", error)
			.then();
	}

	/** Drops a subscription's deliveries not yet made: it unsubscribed. */
	public Mono<Long> cancel(String channel, long subscriber) {
		return this.db.sql("delete from push_deliveries where channel = :channel and subscriber = :subscriber")
			.bind("channel", channel)
			.bind("subscriber", subscriber)
			.fetch()
			.rowsUpdated();
	}

	/** Per subscriber of a channel: deliveries waiting and deliveries given up. */
	public Flux<Backlog> backlog(String channel) {
		return this.db.sql("""
				select subscriber, count(*) filter (where state = 'queued') as queued,
				       count(*) filter (where state = 'abandoned') as abandoned
				from push_deliveries where channel = :channel group by subscriber
				""")
			.bind("channel", channel)
			.map((row) -> new Backlog(row.get("subscriber", Long.class), row.get("queued", Long.class),
					row.get("abandoned", Long.class)))
			.all();
	}

	/**
	 * Forgets payloads nothing waits for any more and deliveries given up long ago; the
	 * rows deleted.
	 */
	Mono<Long> purge(Duration keepAbandoned) {
		return this.db.sql("""
				with old_abandoned as (
				    delete from push_deliveries
				    where state = 'abandoned' and created_at < clock_timestamp() - make_interval(secs => :keep)
				    returning 1
				), done as (
				    delete from push_payloads p
				    where p.created_at < clock_timestamp() - interval '1 minute'
				      and not exists (select 1 from push_deliveries d where d.payload_id = p.id and d.state = 'queued')
				    returning 1
				)
				select (select count(*) from old_abandoned) + (select count(*) from done) as purged
				""").bind("keep", keepAbandoned.toSeconds() * 1.0).map((row) -> row.get("purged", Long.class)).one();
	}

	/**
	 * Deliveries of one subscriber.
	 *
	 * @param subscriber the channel's subscription id
	 * @param queued waiting for an attempt or in flight
	 * @param abandoned given up after the last attempt
	 */
	public record Backlog(long subscriber, long queued, long abandoned) {

	}

}
