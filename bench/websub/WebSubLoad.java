import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load client for bench/websub.sh. Runs a loopback WebSub subscriber with N callbacks,
 * subscribes them all to one Herald feed through its hub, publishes M articles through the
 * publishing API one per second, and measures, for every (callback, event), the time from
 * the publish request being sent to the first delivery that carries the event (an upper
 * bound of commit-to-delivery). Then the reference: this client itself POSTs the same feed
 * bytes to the same N callbacks M times (64 connections, as many as Herald's default
 * delivery concurrency) and the same latency is taken from the start of each fan-out.
 * Prints one key=value line per run.
 *
 * Arguments: heraldBase receiverPort authHeader subscribers events
 */
public class WebSubLoad {

	static final Pattern TITLE = Pattern.compile("bench-websub-([0-9a-z]+)-(\\d+)");

	public static void main(String[] args) throws Exception {
		String herald = args[0];
		int port = Integer.parseInt(args[1]);
		String auth = args[2];
		int subscribers = Integer.parseInt(args[3]);
		int events = Integer.parseInt(args[4]);
		String run = Long.toString(System.currentTimeMillis(), 36);
		String topic = herald + "/feeds/atom.xml";

		AtomicInteger verified = new AtomicInteger();
		// First arrival per (callback, event), nanoTime; 0 = not yet.
		AtomicLongArray arrivals = new AtomicLongArray(subscribers * events);
		LongAdder posts = new LongAdder();
		Map<String, Integer> runs = new ConcurrentHashMap<>();
		runs.put(run, 0);
		String referenceRun = run + "r";
		runs.put(referenceRun, 1);
		AtomicLongArray referenceArrivals = new AtomicLongArray(subscribers * events);
		// Deliveries per callback; more than one per event is a repeat.
		AtomicLongArray deliveries = new AtomicLongArray(subscribers);

		DisposableServer receiver = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.get("/cb/{i}", (request, response) -> {
				String challenge = query(request.uri()).getOrDefault("hub.challenge", "");
				if ("subscribe".equals(query(request.uri()).get("hub.mode"))) {
					verified.incrementAndGet();
				}
				return response.sendString(Mono.just(challenge)).then();
			}).post("/cb/{i}", (request, response) -> {
				int callback = Integer.parseInt(request.param("i"));
				return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
					long now = System.nanoTime();
					posts.increment();
					// A delivery carries the feed as it was rendered: every event in it has
					// reached this subscriber, at the first delivery that carried it.
					Matcher titles = TITLE.matcher(body);
					while (titles.find()) {
						int event = Integer.parseInt(titles.group(2));
						String of = titles.group(1);
						AtomicLongArray target = run.equals(of) ? arrivals
								: referenceRun.equals(of) ? referenceArrivals : null;
						if (target != null && event < events && callback < subscribers) {
							target.compareAndSet(callback * events + event, 0, now);
						}
					}
					if (callback < subscribers) {
						deliveries.incrementAndGet(callback);
					}
					return response.status(200).send().then();
				});
			}))
			.bindNow();

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		Semaphore inFlight = new Semaphore(16);
		long subscribeStart = System.nanoTime();
		for (int i = 0; i < subscribers; i++) {
			String form = "hub.mode=subscribe&hub.topic=" + enc(topic) + "&hub.callback="
					+ enc("http://127.0.0.1:" + port + "/cb/" + i);
			inFlight.acquire();
			pool.submit(() -> {
				try {
					for (int attempt = 0; attempt < 5; attempt++) {
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(herald + "/websub"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(form))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() == 202) {
							break;
						}
						System.err.println("subscribe answered " + answer.statusCode() + ": " + answer.body());
						Thread.sleep(200);
					}
				}
				catch (Exception ex) {
					System.err.println("subscribe failed: " + ex);
				}
				finally {
					inFlight.release();
				}
			});
		}
		inFlight.acquire(16);
		inFlight.release(16);
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (verified.get() < subscribers && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		// Verified by the callback; wait until the hub has stored every one.
		while (System.nanoTime() < deadline) {
			String list = http.send(HttpRequest.newBuilder(URI.create(herald + "/api/websub/subscriptions"))
				.header("Authorization", auth)
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			if (count(list, "\"callback\"") >= subscribers) {
				break;
			}
			Thread.sleep(200);
		}
		double subscribeSeconds = (System.nanoTime() - subscribeStart) / 1e9;

		long[] sentAt = new long[events];
		for (int e = 0; e < events; e++) {
			String json = "{\"externalId\":\"bench-websub-" + run + "-" + e + "\",\"section\":\"world\",\"title\":\""
					+ "bench-websub-" + run + "-" + e + "\",\"summary\":\"WebSub benchmark event " + e
					+ "\",\"url\":\"https://news.example/websub/" + run + "/" + e
					+ "\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}";
			sentAt[e] = System.nanoTime();
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(herald + "/api/articles"))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 201) {
				System.err.println("publish answered " + answer.statusCode() + ": " + answer.body());
			}
			Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - sentAt[e]) / 1_000_000));
		}
		awaitAll(arrivals, Duration.ofSeconds(60));
		Thread.sleep(1000);
		report("herald-hub", subscribers, events, arrivals, sentAt, repeats(deliveries, events), subscribeSeconds);
		for (int i = 0; i < subscribers; i++) {
			deliveries.set(i, 0);
		}

		// Reference: the same fan-out from a plain client, one feed body per event.
		String feed = http.send(HttpRequest.newBuilder(URI.create(topic)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		ConnectionProvider connections = ConnectionProvider.builder("reference").maxConnections(64).build();
		reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(connections)
			.responseTimeout(Duration.ofSeconds(10));
		long[] referenceSent = new long[events];
		for (int e = 0; e < events; e++) {
			String body = feed.replaceFirst("bench-websub-" + run + "-\\d+", "bench-websub-" + referenceRun + "-" + e);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			referenceSent[e] = System.nanoTime();
			long started = referenceSent[e];
			Flux.range(0, subscribers)
				.flatMap((i) -> client.headers((h) -> h.set("Content-Type", "application/atom+xml;charset=utf-8"))
					.post()
					.uri("http://127.0.0.1:" + port + "/cb/" + i)
					.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)))
					.response()
					.onErrorResume((ex) -> Mono.empty()), 64)
				.blockLast(Duration.ofSeconds(60));
			Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - started) / 1_000_000));
		}
		awaitAll(referenceArrivals, Duration.ofSeconds(30));
		Thread.sleep(1000);
		report("plain-client", subscribers, events, referenceArrivals, referenceSent, repeats(deliveries, events), 0);
		receiver.disposeNow();
		pool.shutdownNow();
		System.exit(0);
	}

	static long repeats(AtomicLongArray deliveries, int events) {
		long repeats = 0;
		for (int i = 0; i < deliveries.length(); i++) {
			repeats += Math.max(0, deliveries.get(i) - events);
		}
		return repeats;
	}

	static void awaitAll(AtomicLongArray arrivals, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			boolean all = true;
			for (int i = 0; i < arrivals.length() && all; i++) {
				all = arrivals.get(i) != 0;
			}
			if (all) {
				return;
			}
			Thread.sleep(100);
		}
	}

	static void report(String name, int subscribers, int events, AtomicLongArray arrivals, long[] sentAt, long repeated,
			double subscribeSeconds) {
		long[] latencies = new long[arrivals.length()];
		int received = 0;
		for (int i = 0; i < arrivals.length(); i++) {
			long at = arrivals.get(i);
			if (at != 0) {
				latencies[received++] = at - sentAt[i % events];
			}
		}
		long[] sorted = Arrays.copyOf(latencies, received);
		Arrays.sort(sorted);
		System.out.printf(
				"name=%s subscribers=%d events=%d expected=%d received=%d lost=%d repeated=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f subscribe_s=%.1f%n",
				name, subscribers, events, arrivals.length(), received, arrivals.length() - received, repeated,
				percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0), subscribeSeconds);
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	static int count(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	static Map<String, String> query(String uri) {
		Map<String, String> query = new ConcurrentHashMap<>();
		int question = uri.indexOf('?');
		if (question >= 0) {
			for (String pair : uri.substring(question + 1).split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
