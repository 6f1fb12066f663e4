package news.herald.websub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A WebSub subscriber on loopback, as websub.rocks runs one for its hub tests: each
 * callback path records the verifications and content it receives, echoes challenges
 * (unless told to answer wrongly) and answers content with the statuses it is given, then
 * 200. A status of 0 never answers, like a callback that hangs.
 */
final class LoopbackSubscriber implements AutoCloseable {

	private final Map<String, Queue<Map<String, String>>> verifications = new ConcurrentHashMap<>();

	private final Map<String, Queue<Received>> deliveries = new ConcurrentHashMap<>();

	private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

	private final Map<String, Boolean> confirms = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

	private final DisposableServer server;

	// Loops of its own: closing a second Herald instance disposes the shared ones.
	private final LoopResources loops = LoopResources.create("loopback-subscriber", 2, true);

	LoopbackSubscriber() {
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/cb/{name}", (request, response) -> {
				String name = request.param("name");
				Map<String, String> query = query(request.uri());
				this.verifications.computeIfAbsent(name, (key) -> new ConcurrentLinkedQueue<>()).add(query);
				boolean confirm = this.confirms.getOrDefault(name, true);
				String challenge = query.getOrDefault("hub.challenge", "");
				return response.status(200).sendString(Mono.just(confirm ? challenge : "not-" + challenge)).then();
			}).post("/cb/{name}", (request, response) -> {
				String name = request.param("name");
				this.posts.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
				Map<String, String> headers = new LinkedHashMap<>();
				request.requestHeaders()
					.forEach((header) -> headers.merge(header.getKey().toLowerCase(), header.getValue(),
							(first, second) -> first + ", " + second));
				return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
					Deque<Integer> planned = this.statuses.get(name);
					Integer status = (planned != null) ? planned.pollFirst() : null;
					if (status != null && status == 0) {
						return Mono.never();
					}
					int answer = (status != null) ? status : 200;
					if (answer == 200) {
						this.deliveries.computeIfAbsent(name, (key) -> new ConcurrentLinkedQueue<>())
							.add(new Received(headers, body));
					}
					return response.status(answer).send().then();
				});
			}))
			.bindNow();
	}

	/** The callback URL of a path. */
	String callback(String name) {
		return "http://127.0.0.1:" + this.server.port() + "/cb/" + name;
	}

	/** Makes the callback answer verifications with a wrong challenge. */
	void refuseVerification(String name) {
		this.confirms.put(name, false);
	}

	/** The statuses the next content POSTs get, in order; 0 hangs. */
	void answerContentWith(String name, Integer... planned) {
		this.statuses.put(name, new ConcurrentLinkedDeque<>(List.of(planned)));
	}

	List<Map<String, String>> verifications(String name) {
		return new ArrayList<>(this.verifications.getOrDefault(name, new ConcurrentLinkedQueue<>()));
	}

	/** Content POSTs that reached the callback, whatever it answered. */
	int posts(String name) {
		AtomicInteger count = this.posts.get(name);
		return (count != null) ? count.get() : 0;
	}

	List<Received> deliveries(String name) {
		return new ArrayList<>(this.deliveries.getOrDefault(name, new ConcurrentLinkedQueue<>()));
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

	private static Map<String, String> query(String uri) {
		Map<String, String> query = new LinkedHashMap<>();
		int question = uri.indexOf('?');
		if (question < 0) {
			return query;
		}
		for (String pair : uri.substring(question + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	/** One content POST as the callback received it. */
	record Received(Map<String, String> headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
