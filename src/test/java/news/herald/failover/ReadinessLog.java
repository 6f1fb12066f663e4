package news.herald.failover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What {@code /readyz} of each instance answered, polled every 100 ms: the sequence of
 * states, a state written down when it changes.
 */
final class ReadinessLog implements AutoCloseable {

	static final int UP = 200;

	static final int DOWN = 503;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Map<Integer, List<Change>> changes = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

	ReadinessLog(List<Integer> ports) {
		ports.forEach((port) -> this.changes.put(port, new ArrayList<>()));
		this.poller.scheduleWithFixedDelay(() -> ports.forEach(this::poll), 0, 100, TimeUnit.MILLISECONDS);
	}

	private void poll(int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			List<Change> seen = this.changes.get(port);
			synchronized (seen) {
				if (seen.isEmpty() || seen.get(seen.size() - 1).status() != status) {
					seen.add(new Change(status, Instant.now()));
				}
			}
		}
		catch (IOException ex) {
			// No answer is not an answer: the instance itself stays up in this test.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The states {@code /readyz} of the instance on {@code port} went through. */
	List<Integer> states(int port) {
		return changes(port).stream().map(Change::status).toList();
	}

	/** When each state began. */
	List<Change> changes(int port) {
		List<Change> seen = this.changes.get(port);
		synchronized (seen) {
			return List.copyOf(seen);
		}
	}

	/** The latest state, 0 before the first answer. */
	int current(int port) {
		List<Integer> seen = states(port);
		return seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
	}

	/**
	 * How long the last DOWN lasted, null when readiness has not come back UP after one.
	 */
	Duration lastDown(int port) {
		List<Change> seen = changes(port);
		for (int i = seen.size() - 1; i > 0; i--) {
			if (seen.get(i).status() == UP && seen.get(i - 1).status() == DOWN) {
				return Duration.between(seen.get(i - 1).at(), seen.get(i).at());
			}
		}
		return null;
	}

	record Change(int status, Instant at) {

	}

	@Override
	public void close() {
		this.poller.shutdownNow();
	}

}
