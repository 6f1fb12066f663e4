import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.ByteBuf;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load client for bench/stream.sh: opens N streams, publishes M headlines at a fixed rate
 * through the server's publishing path, and measures for every (stream, headline) the time
 * from the server's stamp of the event ({@code updatedAt}, taken when the write began, so
 * before its commit: an upper bound of commit-to-receipt) to its arrival, and also from the
 * moment the publish request was sent (which adds the request's own work). Given Herald's
 * database, the event's {@code created_at} (its insert, the last statement before the
 * commit) replaces {@code updatedAt}. Prints one result line: key=value pairs.
 *
 * The first WARM_UP events are checked for loss but left out of the latency figures.
 *
 * Arguments: name streamUrl publishUrl authHeader subscribers events ratePerSecond serverPid [jdbcUrl]
 */
public class StreamLoad {

	static final String TITLE = "\"title\":\"bench-";

	static final String STAMP = "\"updatedAt\":\"";

	/** The first events warm up the JIT on both sides: checked for loss, not timed. */
	static final int WARM_UP = 5;

	public static void main(String[] args) throws Exception {
		String name = args[0];
		String streamUrl = args[1];
		URI publishUrl = URI.create(args[2]);
		String auth = args[3];
		int subscribers = Integer.parseInt(args[4]);
		int events = Integer.parseInt(args[5]);
		double rate = Double.parseDouble(args[6]);
		long pid = Long.parseLong(args[7]);
		// Herald: its database, to read each event's created_at (stamped at the event's
		// insert, the last statement before the commit) instead of the earlier updatedAt.
		String jdbcUrl = (args.length > 8) ? args[8] : null;
		String run = Long.toString(System.currentTimeMillis(), 36);

		long[] sentAt = new long[events];
		// The server's own stamp of each event (updatedAt: taken as the write began, so
		// before its commit), and per receipt the wall-clock time since that stamp.
		long[] stampedAt = new long[events];
		long[][] fromStamp = new long[events][subscribers];
		// Per event, receipts as (nanoTime - sentAt) once sentAt is known; filled after.
		long[][] receivedAt = new long[events][subscribers];
		for (long[] row : receivedAt) {
			Arrays.fill(row, -1);
		}
		// Incremented after each first receipt; reading it makes those receipts visible.
		LongAdder receipts = new LongAdder();
		LongAdder duplicates = new LongAdder();
		LongAdder strays = new LongAdder();
		AtomicInteger connected = new AtomicInteger();
		AtomicInteger dropped = new AtomicInteger();
		CountDownLatch allConnected = new CountDownLatch(subscribers);

		long heapBefore = heapAfterGc(pid);
		long rssBefore = rss(pid);

		reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient
			.create(ConnectionProvider.newConnection())
			.responseTimeout(Duration.ofMinutes(30));
		List<Disposable> streams = new ArrayList<>();
		long connectStart = System.nanoTime();
		for (int s = 0; s < subscribers; s++) {
			int subscriber = s;
			StringBuilder pending = new StringBuilder();
			boolean[] started = { false };
			streams.add(client.get()
				.uri(streamUrl)
				.responseContent()
				.map((ByteBuf chunk) -> chunk.toString(StandardCharsets.UTF_8))
				.subscribe((text) -> {
					long now = System.nanoTime();
					long wallMicros = micros(Instant.now());
					pending.append(text);
					int end;
					while ((end = pending.indexOf("\n\n")) >= 0) {
						String frame = pending.substring(0, end);
						pending.delete(0, end + 2);
						if (!started[0] && frame.startsWith("retry:")) {
							started[0] = true;
							connected.incrementAndGet();
							allConnected.countDown();
						}
						String title = field(frame, TITLE);
						if (title == null) {
							continue;
						}
						String[] parts = title.split("-");
						if (parts.length != 2 || !parts[0].equals(run)) {
							strays.increment();
							continue;
						}
						int event = Integer.parseInt(parts[1]);
						if (receivedAt[event][subscriber] >= 0) {
							duplicates.increment();
							continue;
						}
						if (stampedAt[event] == 0) {
							stampedAt[event] = micros(Instant.parse(field(frame, STAMP)));
						}
						receivedAt[event][subscriber] = now;
						fromStamp[event][subscriber] = wallMicros - stampedAt[event];
						receipts.increment();
					}
				}, (error) -> dropped.incrementAndGet(), dropped::incrementAndGet));
			if (s % 200 == 199) {
				// Pace the connects a little so the accept queue never overflows.
				waitUntil(() -> connected.get() >= subscriber - 1000, Duration.ofSeconds(60));
			}
		}
		if (!allConnected.await(180, TimeUnit.SECONDS)) {
			System.out.println("error=only " + connected.get() + " of " + subscribers + " streams started");
			System.exit(2);
		}
		double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
		// HOLD_SECONDS keeps the idle streams open for a look at the server (a heap histogram).
		Thread.sleep(2000 + 1000L * Integer.parseInt(System.getenv().getOrDefault("HOLD_SECONDS", "0")));
		long heapIdle = heapAfterGc(pid);
		long rssIdle = rss(pid);

		HttpClient publisher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long[] publishTook = new long[events];
		long interval = (long) (1e9 / rate);
		long next = System.nanoTime();
		for (int e = 0; e < events; e++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			next += interval;
			String body = """
					{"externalId":"bench-%s-%d","section":"world","title":"bench-%s-%d",\
					"summary":"A headline published by the stream benchmark to measure fan-out latency.",\
					"bodyHtml":"<p>Benchmark.</p>","url":"https://news.example/bench/%s/%d","authors":["Bench"],\
					"language":"en","publishedAt":"%s"}""".formatted(run, e, run, e, run, e, Instant.now().minusSeconds(1));
			HttpRequest.Builder request = HttpRequest.newBuilder(publishUrl)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (!auth.isEmpty()) {
				request.header("Authorization", auth);
			}
			sentAt[e] = System.nanoTime();
			HttpResponse<String> response = publisher.send(request.build(), HttpResponse.BodyHandlers.ofString());
			publishTook[e] = System.nanoTime() - sentAt[e];
			if (response.statusCode() / 100 != 2) {
				System.out.println("error=publish answered " + response.statusCode() + ": " + response.body());
				System.exit(3);
			}
		}
		long expected = (long) events * subscribers;
		waitUntil(() -> receipts.sum() >= expected, Duration.ofSeconds(60));
		receipts.sum();
		if (jdbcUrl != null) {
			try (java.sql.Connection db = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
					java.sql.PreparedStatement query = db.prepareStatement(
							"select headline->>'title', created_at from article_events where headline->>'title' like ?")) {
				query.setString(1, "bench-" + run + "-%");
				try (java.sql.ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						int event = Integer.parseInt(rows.getString(1).substring(("bench-" + run + "-").length()));
						long createdAt = micros(rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
						long shift = stampedAt[event] - createdAt;
						for (int s = 0; s < subscribers; s++) {
							fromStamp[event][s] += shift;
						}
					}
				}
			}
		}

		long lost = 0;
		long[] latencies = new long[events * subscribers];
		long[] sendLatencies = new long[events * subscribers];
		int n = 0;
		for (int e = 0; e < events; e++) {
			for (int s = 0; s < subscribers; s++) {
				long at = receivedAt[e][s];
				if (at < 0) {
					lost++;
				}
				else if (e >= WARM_UP) {
					sendLatencies[n] = Math.max(0, at - sentAt[e]);
					latencies[n++] = Math.max(0, fromStamp[e][s]) * 1000;
				}
			}
		}
		long[] sorted = Arrays.copyOf(latencies, n);
		Arrays.sort(sorted);
		long[] sendSorted = Arrays.copyOf(sendLatencies, n);
		Arrays.sort(sendSorted);
		long[] publishSorted = publishTook.clone();
		Arrays.sort(publishSorted);
		streams.forEach(Disposable::dispose);
		System.out.printf(
				"name=%s subscribers=%d events=%d rate=%.1f connect_s=%.1f p50_ms=%.0f p99_ms=%.0f max_ms=%.0f send_p50_ms=%.0f send_p99_ms=%.0f lost=%d duplicates=%d dropped_streams=%d publish_p50_ms=%.1f heap_per_stream_kib=%.1f rss_per_stream_kib=%.1f heap_idle_mib=%.0f rss_idle_mib=%.0f%n",
				name, subscribers, events, rate, connectSeconds, ms(percentile(sorted, 0.50)),
				ms(percentile(sorted, 0.99)), ms((n > 0) ? sorted[n - 1] : 0), ms(percentile(sendSorted, 0.50)),
				ms(percentile(sendSorted, 0.99)), lost, duplicates.sum(), dropped.get(),
				ms(percentile(publishSorted, 0.50)), (heapIdle - heapBefore) / 1024.0 / subscribers,
				(rssIdle - rssBefore) / 1024.0 / subscribers, heapIdle / 1048576.0, rssIdle / 1048576.0);
		System.exit(0);
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	static String field(String frame, String prefix) {
		int start = frame.indexOf(prefix);
		if (start < 0) {
			return null;
		}
		start += prefix.length();
		int end = frame.indexOf('"', start);
		return (end < 0) ? null : frame.substring(start, end);
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	/** Heap in use right after a full collection, read with jcmd. */
	static long heapAfterGc(long pid) throws IOException, InterruptedException {
		run("jcmd", Long.toString(pid), "GC.run");
		String info = run("jcmd", Long.toString(pid), "GC.heap_info");
		// "garbage-first heap   total 524288K, used 123456K [...]"
		java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
		return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
	}

	static long rss(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
			}
		}
		return -1;
	}

	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(60, TimeUnit.SECONDS);
		return out;
	}

}
