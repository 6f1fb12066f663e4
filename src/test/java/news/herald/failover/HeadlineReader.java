package news.herald.failover;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

/**
 * A live ticker as a browser's EventSource is one: it reads {@code /stream}, splits the
 * raw bytes into events at blank lines, and when the connection ends it reconnects with
 * the last {@code id:} it saw as {@code Last-Event-ID}. Independent of Herald's code.
 */
final class HeadlineReader implements AutoCloseable {

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger opened = new AtomicInteger();

	private final Disposable subscription;

	private volatile String lastEventId;

	HeadlineReader(int port, String lastEventId) {
		this.lastEventId = lastEventId;
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).host("127.0.0.1").port(port);
		this.subscription = Flux.defer(() -> client.headers((headers) -> {
			String id = this.lastEventId;
			if (id != null) {
				headers.set("Last-Event-ID", id);
			}
		})
			.get()
			.uri("/stream")
			.response((response, body) -> (response.status().code() != 200)
					? Flux.error(new IllegalStateException("stream answered " + response.status()))
					: body.asString(StandardCharsets.UTF_8))
			.transform(HeadlineReader::blocks))
			.repeatWhen((ended) -> ended.delayElements(Duration.ofMillis(200)))
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200)))
			.subscribe(this::read);
	}

	private static Flux<String> blocks(Flux<String> chunks) {
		return Flux.defer(() -> {
			StringBuilder pending = new StringBuilder();
			return chunks.concatMapIterable((chunk) -> {
				pending.append(chunk);
				List<String> complete = new ArrayList<>();
				int end;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					complete.add(pending.substring(0, end));
					pending.delete(0, end + 2);
				}
				return complete;
			});
		});
	}

	private void read(String block) {
		String id = null;
		String event = null;
		String data = null;
		for (String line : block.split("\n", -1)) {
			if (line.startsWith("id: ")) {
				id = line.substring(4);
			}
			else if (line.startsWith("event: ")) {
				event = line.substring(7);
			}
			else if (line.startsWith("data: ")) {
				data = line.substring(6);
			}
			else if (line.startsWith("retry: ")) {
				this.opened.incrementAndGet();
			}
		}
		if (id != null) {
			this.lastEventId = id;
			this.events.add(new Event(id, event, data));
		}
	}

	/** How many times a stream was opened (its {@code retry:} arrived). */
	int opened() {
		return this.opened.get();
	}

	/** Every event with an id, resets included, in the order they came. */
	List<Event> events() {
		return List.copyOf(this.events);
	}

	/** The ids of the article events, in the order they came. */
	List<String> articleIds() {
		return this.events.stream().filter((event) -> !event.isReset()).map(Event::id).toList();
	}

	List<Event> resets() {
		return this.events.stream().filter(Event::isReset).toList();
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

	record Event(String id, String type, String data) {

		boolean isReset() {
			return "reset".equals(this.type);
		}

	}

}
