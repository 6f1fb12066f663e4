package news.herald.websub;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Verified subscriptions, shared by every instance. Expired ones count for nothing. */
@Repository
class SubscriptionRepository {

	private static final String COLUMNS = "id, topic, base, callback, secret, lease_seconds, verified_at, expires_at";

	private final DatabaseClient db;

	SubscriptionRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Creates or renews the subscription of a topic and callback (§5.1: a re-subscribe
	 * updates the subscription rather than adding one); its id.
	 */
	Mono<Long> save(HubRequest request, int leaseSeconds) {
		var insert = this.db
			.sql("""
					insert into websub_subscriptions (topic, base, callback, callback_host, secret, lease_seconds, expires_at)
					values (:topic, :base, :callback, :host, :secret, :lease, clock_timestamp() + make_interval(secs => :lease))
					on conflict (topic, callback) do update
					set base = excluded.base, callback_host = excluded.callback_host, secret = excluded.secret,
					    lease_seconds = excluded.lease_seconds, verified_at = clock_timestamp(), expires_at = excluded.expires_at
					returning id
					""")
			.bind("topic", request.topic())
			.bind("base", request.base())
			.bind("callback", request.callback())
			.bind("host", request.callbackHost())
			.bind("lease", leaseSeconds);
		insert = (request.secret() != null) ? insert.bind("secret", request.secret())
				: insert.bindNull("secret", String.class);
		return insert.map((row) -> row.get("id", Long.class)).one();
	}

	/** Removes a subscription; its id, empty when there was none. */
	Mono<Long> delete(String topic, String callback) {
		return this.db
			.sql("delete from websub_subscriptions where topic = :topic and callback = :callback returning id")
			.bind("topic", topic)
			.bind("callback", callback)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * How full the hub is for a request, not counting the subscription it would renew.
	 */
	Mono<Occupancy> occupancy(HubRequest request) {
		return this.db.sql("""
				select count(*) as total,
				       count(*) filter (where topic = :topic) as per_topic,
				       count(*) filter (where callback_host = :host) as per_host
				from websub_subscriptions
				where expires_at > clock_timestamp() and not (topic = :topic and callback = :callback)
				""")
			.bind("topic", request.topic())
			.bind("host", request.callbackHost())
			.bind("callback", request.callback())
			.map((row) -> new Occupancy(row.get("total", Long.class), row.get("per_topic", Long.class),
					row.get("per_host", Long.class)))
			.one();
	}

	/** The topics someone follows now, with the base each was subscribed under. */
	Flux<TopicKey> activeTopics() {
		return this.db.sql("select distinct topic, base from websub_subscriptions where expires_at > clock_timestamp()")
			.map((row) -> new TopicKey(row.get("topic", String.class), row.get("base", String.class)))
			.all();
	}

	/** The live subscriptions of one topic. */
	Flux<Subscription> activeFor(TopicKey topic) {
		return this.db.sql("select " + COLUMNS + """
				 from websub_subscriptions
				where topic = :topic and base = :base and expires_at > clock_timestamp()
				order by id
				""").bind("topic", topic.topic()).bind("base", topic.base()).map(this::subscription).all();
	}

	/** Every live subscription, for the newsroom. */
	Flux<Subscription> all() {
		return this.db
			.sql("select " + COLUMNS + " from websub_subscriptions where expires_at > clock_timestamp() order by id")
			.map(this::subscription)
			.all();
	}

	/** Deletes the subscriptions whose lease ended; their ids. */
	Flux<Long> deleteExpired() {
		return this.db.sql("delete from websub_subscriptions where expires_at <= clock_timestamp() returning id")
			.map((row) -> row.get("id", Long.class))
			.all();
	}

	Mono<Long> countActive() {
		return this.db.sql("select count(*) as n from websub_subscriptions where expires_at > clock_timestamp()")
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	private Subscription subscription(Readable row) {
		return new Subscription(row.get("id", Long.class), row.get("topic", String.class),
				row.get("base", String.class), row.get("callback", String.class), row.get("secret", String.class),
				row.get("lease_seconds", Integer.class), row.get("verified_at", Instant.class),
				row.get("expires_at", Instant.class));
	}

	/** A topic as stored: its URL and the base URL it was subscribed under. */
	record TopicKey(String topic, String base) {

	}

	/** Live subscriptions in total, to the request's topic, and to its callback host. */
	record Occupancy(long total, long perTopic, long perHost) {

	}

}
