import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

/**
 * Load client for the reconnect storm of bench/stream.sh: opens STREAMS streams at once,
 * each asking for the same history (a {@code Last-Event-ID} 20 events back, or
 * {@code ?backfill=20}), and measures for each stream the time from its request to the
 * receipt of its last replayed event. Checks that every stream got exactly the expected
 * ids, in order: none lost, none repeated. Prints one result line of key=value pairs.
 *
 * Arguments: name url header value streams firstId lastId
 * (header "-" for none).
 */
public class StormLoad {

	public static void main(String[] args) throws Exception {
		String name = args[0];
		String url = args[1];
		String header = args[2];
		String value = args[3];
		int streams = Integer.parseInt(args[4]);
		long first = Long.parseLong(args[5]);
		long last = Long.parseLong(args[6]);
		int expected = (int) (last - first + 1);

		long[] took = new long[streams];
		Arrays.fill(took, -1);
		LongAdder lost = new LongAdder();
		LongAdder repeated = new LongAdder();
		LongAdder wrong = new LongAdder();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger retries = new AtomicInteger();

		HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
			.responseTimeout(Duration.ofSeconds(60))
			.headers((h) -> {
				if (!header.equals("-")) {
					h.set(header, value);
				}
			});
		// The client's own first connections pay for its JIT and its connection set-up:
		// an untimed round first, so the storm times the server.
		storm(client, url, Math.min(200, streams), last, new long[streams], new LongAdder(), new LongAdder(),
				new LongAdder(), new AtomicInteger(), new AtomicInteger(), first, expected);
		long stormStart = System.nanoTime();
		storm(client, url, streams, last, took, lost, repeated, wrong, failed, retries, first, expected);
		double stormSeconds = (System.nanoTime() - stormStart) / 1e9;

		long[] done = Arrays.stream(took).filter((t) -> t >= 0).sorted().toArray();
		System.out.printf(
				"name=%s streams=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f lost=%d dup=%d wrong=%d failed=%d retries=%d storm_s=%.1f%n",
				name, streams, percentile(done, 0.50), percentile(done, 0.99), percentile(done, 1.0), lost.sum(),
				repeated.sum(), wrong.sum(), failed.get(), retries.get(), stormSeconds);
		System.exit(0);
	}

	static void storm(HttpClient client, String url, int streams, long last, long[] took, LongAdder lost, LongAdder repeated,
			LongAdder wrong, AtomicInteger failed, AtomicInteger retries, long first, int expected) {
		Flux.range(0, streams).flatMap((i) -> {
			AtomicLong started = new AtomicLong();
			return Mono.defer(() -> {
				started.set(System.nanoTime());
				return client.get().uri(url).responseContent().asString(StandardCharsets.UTF_8)
					// One stream's ids as they arrive; the replay ends after the last one.
					.transform(StormLoad::ids)
					.takeUntil((id) -> id >= last)
					.collectList()
					.timeout(Duration.ofSeconds(60));
			})
				// A refused connect (the listen backlog overflows in a storm) is retried as a
				// browser would reconnect.
				.retryWhen(Retry.fixedDelay(20, Duration.ofMillis(200)).doBeforeRetry((s) -> retries.incrementAndGet()))
				.doOnNext((ids) -> {
					took[i] = System.nanoTime() - started.get();
					check(ids, first, last, lost, repeated, wrong);
				})
				.onErrorResume((ex) -> {
					if (failed.incrementAndGet() == 1) {
						System.err.println("first failure: " + ex + " cause " + ex.getCause());
					}
					lost.add(expected);
					return Mono.empty();
				});
		}, streams).then().block(Duration.ofSeconds(300));
	}

	static void check(List<Long> ids, long first, long last, LongAdder lost, LongAdder repeated, LongAdder wrong) {
		List<Long> seen = new ArrayList<>();
		for (long id : ids) {
			if (id < first || id > last) {
				wrong.increment();
			}
			else if (seen.contains(id)) {
				repeated.increment();
			}
			else {
				seen.add(id);
			}
		}
		lost.add((last - first + 1) - seen.size());
	}

	/** The {@code id:} of each event in a text/event-stream, in order. */
	static Flux<Long> ids(Flux<String> chunks) {
		return Flux.defer(() -> {
			StringBuilder pending = new StringBuilder();
			return chunks.concatMapIterable((chunk) -> {
				pending.append(chunk);
				List<Long> found = new ArrayList<>();
				int end;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					String block = pending.substring(0, end);
					pending.delete(0, end + 2);
					if (block.startsWith("id: ")) {
						int eol = block.indexOf('\n');
						// id: <timeline>-<id>; the outbox id is what the storm checks.
						String id = block.substring(4, (eol > 0) ? eol : block.length()).strip();
						found.add(Long.parseLong(id.substring(id.indexOf('-') + 1)));
					}
				}
				return found;
			});
		});
	}

	static double percentile(long[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
