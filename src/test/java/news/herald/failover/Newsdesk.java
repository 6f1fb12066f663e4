package news.herald.failover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import news.herald.article.PublishingFixtures;

/**
 * The newsroom's CMS: publishes articles over HTTP through the Herald instances in turn,
 * either at a steady rate in the background or one at a time, and keeps every write it
 * got acknowledged ({@code 201}).
 */
final class Newsdesk implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	/** Writes in flight at most; a tick that finds them all busy is skipped. */
	private static final int IN_FLIGHT = 8;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Integer> ports;

	private final AtomicInteger turn = new AtomicInteger();

	private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();

	private final AtomicInteger refused = new AtomicInteger();

	private final Semaphore slots = new Semaphore(IN_FLIGHT);

	private ScheduledExecutorService ticks;

	private ExecutorService writers;

	Newsdesk(List<Integer> ports) {
		this.ports = ports;
	}

	/** Publishes {@code perSecond} articles a second until {@link #stop()}. */
	void start(int perSecond) {
		this.ticks = Executors.newSingleThreadScheduledExecutor();
		this.writers = Executors.newFixedThreadPool(IN_FLIGHT);
		this.ticks.scheduleAtFixedRate(() -> {
			if (this.slots.tryAcquire()) {
				this.writers.execute(() -> {
					try {
						publish();
					}
					finally {
						this.slots.release();
					}
				});
			}
		}, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
	}

	void stop() throws InterruptedException {
		if (this.ticks != null) {
			this.ticks.shutdownNow();
			this.writers.shutdown();
			this.writers.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
			this.ticks = null;
		}
	}

	/**
	 * Publishes one article through the next instance.
	 * @return the article's id once acknowledged, null when the write was refused or
	 * timed out
	 */
	String publish() {
		int port = this.ports.get(Math.floorMod(this.turn.getAndIncrement(), this.ports.size()));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + PublishingFixtures.EDITOR_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(this.json.writeValueAsBytes(PublishingFixtures.article("world"))))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				this.refused.incrementAndGet();
				return null;
			}
			String id = this.json.readTree(response.body()).get("id").asString();
			this.acknowledged.add(new Acknowledged(id, Instant.now()));
			return id;
		}
		catch (IOException ex) {
			this.refused.incrementAndGet();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Publishes until a write is acknowledged, for at most {@code patience}. */
	String publishAcknowledged(Duration patience) throws InterruptedException {
		Instant giveUp = Instant.now().plus(patience);
		while (Instant.now().isBefore(giveUp)) {
			String id = publish();
			if (id != null) {
				return id;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no write was acknowledged within " + patience);
	}

	List<Acknowledged> acknowledged() {
		return List.copyOf(this.acknowledged);
	}

	List<String> acknowledgedIds() {
		return this.acknowledged.stream().map(Acknowledged::articleId).toList();
	}

	/** How many writes were acknowledged at or after {@code instant}. */
	long acknowledgedSince(Instant instant) {
		return this.acknowledged.stream().filter((write) -> !write.at().isBefore(instant)).count();
	}

	int refused() {
		return this.refused.get();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	record Acknowledged(String articleId, Instant at) {

	}

}
