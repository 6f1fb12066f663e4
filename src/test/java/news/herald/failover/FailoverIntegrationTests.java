package news.herald.failover;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database failover as CloudNativePG performs it, on this machine: a PostgreSQL 17
 * primary with a streaming standby, a TCP proxy playing the {@code -rw} Service, two
 * Herald instances behind it, 50 open streams and a CMS writing 20 articles a second. The
 * primary stops, the proxy has no endpoint, the standby is promoted and the proxy points
 * at it.
 * <ol>
 * <li>With synchronous replication nothing is lost: every acknowledged write is on the
 * new primary, every stream gets every event exactly once and in order, readiness goes
 * DOWN and back UP, and writes resume within 10 s.</li>
 * <li>With asynchronous replication the last writes are lost and the new primary hands
 * their ids out again. Streams that saw a lost event get {@code event: reset} before the
 * new events; a resume from a lost id gets a reset too, a resume from an id both
 * histories share replays the new events; and a feed's ETag that named a lost event gets
 * no 304.</li>
 * </ol>
 * The second scenario starts from the first one's outcome: the promoted standby becomes
 * the primary of a new, asynchronous pair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class FailoverIntegrationTests {

	private static final Log logger = LogFactory.getLog(FailoverIntegrationTests.class);

	private static final int STREAMS = 50;

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	static Path directories;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private PostgresServer primary;

	private PostgresServer standby;

	private TcpProxy replication;

	private TcpProxy rw;

	private HeraldInstance one;

	private HeraldInstance two;

	@BeforeAll
	void startSynchronousPairAndTwoInstances() throws Exception {
		Path a = directories.resolve("a");
		int primaryPort = freePort();
		PostgresServer created = keep(PostgresServer.start(a, primaryPort, Map.of()));
		created.stop();
		this.replication = keep(new TcpProxy(primaryPort));
		created.copyAsStandby(directories.resolve("b"), this.replication.port());
		this.primary = keep(PostgresServer.start(a, primaryPort, Map.of("synchronous_standby_names", "standby")));
		this.standby = keep(PostgresServer.start(directories.resolve("b"), freePort(), Map.of()));
		await().atMost(PATIENCE).until(() -> this.primary.hasStandby("sync"));
		this.rw = keep(new TcpProxy(primaryPort));
		this.one = keep(HeraldInstance.start(this.rw.port()));
		this.two = keep(HeraldInstance.start(this.rw.port()));
	}

	@AfterAll
	void stopEverything() {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				// Keep closing the rest.
			}
		}
	}

	@Test
	@Order(1)
	void synchronousFailoverLosesNoAcknowledgedWriteAndDeliversEveryEventOnce() throws Exception {
		List<HeadlineReader> readers = openStreams(null);
		ReadinessLog readiness = keep(new ReadinessLog(ports()));
		Newsdesk desk = keep(new Newsdesk(ports()));
		desk.start(20);
		await().atMost(PATIENCE).until(() -> desk.acknowledged().size() >= 40);

		Instant primaryStopped = Instant.now();
		Instant switched = failOver(readiness);
		await().atMost(PATIENCE).until(() -> desk.acknowledgedSince(switched) >= 40);
		desk.stop();
		Instant resumed = desk.acknowledged()
			.stream()
			.map(Newsdesk.Acknowledged::at)
			.filter((at) -> !at.isBefore(switched))
			.min(Instant::compareTo)
			.orElseThrow();
		assertThat(Duration.between(switched, resumed)).as("writes resume after the switch")
			.isLessThan(Duration.ofSeconds(10));

		List<String> stored = this.primary.column("select id::text from articles");
		assertThat(stored).as("every acknowledged write").containsAll(desk.acknowledgedIds());
		List<String> outbox = outbox(this.primary, 0);
		assertThat(outbox).as("events of both timelines")
			.anyMatch((id) -> id.startsWith("1-"))
			.anyMatch((id) -> id.startsWith("2-"));
		for (HeadlineReader reader : readers) {
			await().atMost(PATIENCE).until(() -> reader.articleIds().size() >= outbox.size());
			assertThat(reader.articleIds()).as("every event exactly once, in order").containsExactlyElementsOf(outbox);
			assertThat(reader.resets()).isEmpty();
		}
		for (int port : ports()) {
			await().atMost(PATIENCE).until(() -> readiness.current(port) == ReadinessLog.UP);
			assertThat(readiness.states(port)).as("readiness of %d", port)
				.containsSubsequence(ReadinessLog.UP, ReadinessLog.DOWN, ReadinessLog.UP);
		}

		// A client that saw an event of the old timeline resumes across the failover
		// without a reset: both histories hold it.
		String lastOfFirstTimeline = outbox.stream().filter((id) -> id.startsWith("1-")).reduce((a, b) -> b).get();
		List<String> after = outbox.subList(outbox.indexOf(lastOfFirstTimeline) + 1, outbox.size());
		for (int port : ports()) {
			try (HeadlineReader resumed2 = new HeadlineReader(port, lastOfFirstTimeline)) {
				await().atMost(PATIENCE).until(() -> resumed2.articleIds().size() >= after.size());
				assertThat(resumed2.articleIds()).containsExactlyElementsOf(after);
				assertThat(resumed2.resets()).isEmpty();
			}
		}
		logger.info(String.format(
				"Synchronous failover: primary stopped to proxy switched %d ms, first acknowledged write %d ms"
						+ " after the switch; %d writes acknowledged, %d refused or timed out; %d events, each"
						+ " delivered once to each of %d streams; readiness DOWN for %s and %s",
				Duration.between(primaryStopped, switched).toMillis(), Duration.between(switched, resumed).toMillis(),
				desk.acknowledged().size(), desk.refused(), outbox.size(), readers.size(),
				readiness.lastDown(ports().get(0)), readiness.lastDown(ports().get(1))));
		readers.forEach(HeadlineReader::close);
		readiness.close();
	}

	@Test
	@Order(2)
	void asynchronousFailoverHandsLostIdsOutAgainAndEveryClientThatSawThemIsReset() throws Exception {
		startAsynchronousStandby();
		List<HeadlineReader> readers = openStreams(null);
		Newsdesk desk = keep(new Newsdesk(ports()));
		for (int i = 0; i < 5; i++) {
			desk.publishAcknowledged(PATIENCE);
		}
		String walEnd = this.primary.query("select pg_current_wal_lsn()");
		await().atMost(PATIENCE)
			.until(() -> this.standby.query("select pg_last_wal_replay_lsn() >= '" + walEnd + "'").equals("t"));
		String shared = this.primary.query("select timeline || '-' || id from article_events order by id desc limit 1");
		long sharedId = Long.parseLong(shared.substring(shared.indexOf('-') + 1));
		awaitLastEvent(readers, shared);

		// The standby stops hearing from the primary; what is written now is lost.
		this.replication.refuse();
		await().atMost(PATIENCE).until(() -> this.primary.hasNoStandby());
		List<String> lostArticles = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lostArticles.add(desk.publishAcknowledged(PATIENCE));
		}
		// At least the five acknowledged; a write whose answer came too late for the
		// writer may have committed too.
		List<String> lost = outbox(this.primary, sharedId);
		assertThat(lost).hasSizeGreaterThanOrEqualTo(5);
		awaitLastEvent(readers, lost.get(lost.size() - 1));
		Feed seenBeforeTheFailover = awaitFeed(this.one.port(),
				(feed) -> feed.body().contains(lostArticles.get(lostArticles.size() - 1)));

		ReadinessLog readiness = keep(new ReadinessLog(ports()));
		Instant switched = failOver(readiness);
		List<String> rewritten = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			rewritten.add(desk.publishAcknowledged(PATIENCE));
		}
		List<String> history = outbox(this.primary, sharedId);
		assertThat(history).hasSizeGreaterThanOrEqualTo(8);
		assertThat(this.primary.column("select id::text from articles")).doesNotContainAnyElementsOf(lostArticles)
			.containsAll(rewritten);
		for (int i = 0; i < lost.size(); i++) {
			assertThat(number(history.get(i))).as("the lost id is handed out again").isEqualTo(number(lost.get(i)));
			assertThat(history.get(i)).as("to another event").isNotEqualTo(lost.get(i));
		}

		// Every open stream saw the lost events, then a reset to the shared event, then
		// each new event once.
		List<String> expected = new ArrayList<>(lost);
		expected.add("reset " + shared);
		expected.addAll(history);
		for (HeadlineReader reader : readers) {
			await().atMost(PATIENCE).until(() -> afterShared(reader, shared).size() >= expected.size());
			assertThat(afterShared(reader, shared)).containsExactlyElementsOf(expected);
			assertThat(reader.resets().get(0).data()).isEqualTo("{\"reason\":\"diverged\"}");
		}

		for (int port : ports()) {
			// A client that saw a lost event, reconnecting: a reset, never a silent skip.
			try (HeadlineReader fromLost = new HeadlineReader(port, lost.get(lost.size() - 1))) {
				await().atMost(PATIENCE).until(() -> !fromLost.events().isEmpty());
				HeadlineReader.Event first = fromLost.events().get(0);
				assertThat(first.isReset()).isTrue();
				assertThat(first.data()).isEqualTo("{\"reason\":\"diverged\"}");
				assertThat(first.id()).isEqualTo(history.get(history.size() - 1));
			}
			// One that saw only what both histories hold: every new event, no reset.
			try (HeadlineReader fromShared = new HeadlineReader(port, shared)) {
				await().atMost(PATIENCE).until(() -> fromShared.events().size() >= history.size());
				assertThat(fromShared.articleIds()).containsExactlyElementsOf(history);
				assertThat(fromShared.resets()).isEmpty();
			}
			// A feed validated with the ETag that named a lost event is sent again.
			Feed current = awaitFeed(port, (feed) -> feed.body().contains(rewritten.get(rewritten.size() - 1)));
			assertThat(current.etag()).isNotEqualTo(seenBeforeTheFailover.etag());
			assertThat(feed(port, seenBeforeTheFailover.etag()).status()).isEqualTo(200);
			assertThat(feed(port, current.etag()).status()).isEqualTo(304);
		}
		logger.info(String.format(
				"Asynchronous failover: %d acknowledged events lost (%s), their ids handed out again as %s;"
						+ " first write acknowledged %d ms after the switch; %d streams reset to %s",
				lost.size(), lost, history.subList(0, lost.size()),
				Duration.between(switched, desk.acknowledged().get(desk.acknowledged().size() - 8).at()).toMillis(),
				readers.size(), shared));
		readers.forEach(HeadlineReader::close);
		readiness.close();
	}

	/**
	 * The primary goes away, the proxy has no endpoint until both instances report
	 * readiness DOWN, the standby is promoted and the proxy points at it; the standby is
	 * the primary from then on.
	 * @return when the proxy was switched
	 */
	private Instant failOver(ReadinessLog readiness) throws Exception {
		this.rw.refuse();
		this.primary.stop();
		for (int port : ports()) {
			await().atMost(PATIENCE).until(() -> readiness.current(port) == ReadinessLog.DOWN);
		}
		this.standby.promote();
		this.rw.forwardTo(this.standby.port());
		Instant switched = Instant.now();
		this.primary = this.standby;
		this.standby = null;
		return switched;
	}

	/**
	 * Makes a new standby of the current primary, asynchronous this time: the primary is
	 * stopped for a cold copy of its data and started again without
	 * {@code synchronous_standby_names}.
	 */
	private void startAsynchronousStandby() throws Exception {
		this.rw.refuse();
		this.primary.stop();
		Path copy = directories.resolve("c");
		this.replication = keep(new TcpProxy(this.primary.port()));
		this.primary.copyAsStandby(copy, this.replication.port());
		this.primary = keep(PostgresServer.start(this.primary.dataDir(), this.primary.port(), Map.of()));
		this.standby = keep(PostgresServer.start(copy, freePort(), Map.of()));
		await().atMost(PATIENCE).until(() -> this.primary.hasStandby("async"));
		this.rw.forwardTo(this.primary.port());
		try (ReadinessLog readiness = new ReadinessLog(ports())) {
			for (int port : ports()) {
				await().atMost(PATIENCE).until(() -> readiness.current(port) == ReadinessLog.UP);
			}
		}
	}

	private List<HeadlineReader> openStreams(String lastEventId) {
		List<HeadlineReader> readers = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			readers.add(keep(new HeadlineReader(ports().get(i % 2), lastEventId)));
		}
		for (HeadlineReader reader : readers) {
			await().atMost(PATIENCE).until(() -> reader.opened() > 0);
		}
		return readers;
	}

	private static void awaitLastEvent(List<HeadlineReader> readers, String id) {
		for (HeadlineReader reader : readers) {
			await().atMost(PATIENCE).until(() -> {
				List<String> ids = reader.articleIds();
				return !ids.isEmpty() && ids.get(ids.size() - 1).equals(id);
			});
		}
	}

	/** What a reader got after {@code shared}, a reset written as {@code reset <id>}. */
	private static List<String> afterShared(HeadlineReader reader, String shared) {
		List<String> seen = reader.events()
			.stream()
			.map((event) -> event.isReset() ? "reset " + event.id() : event.id())
			.toList();
		return seen.subList(seen.indexOf(shared) + 1, seen.size());
	}

	/** The outbox after {@code afterId} as stream ids, {@code <timeline>-<id>}. */
	private static List<String> outbox(PostgresServer server, long afterId) throws Exception {
		return server.column("select timeline || '-' || id from article_events where id > " + afterId + " order by id");
	}

	private static long number(String streamId) {
		return Long.parseLong(streamId.substring(streamId.indexOf('-') + 1));
	}

	private static Feed awaitFeed(int port, java.util.function.Predicate<Feed> condition) {
		return await().atMost(PATIENCE)
			.until(() -> feed(port, null),
					(feed) -> feed.status() == 200 && feed.etag() != null && condition.test(feed));
	}

	private static Feed feed(int port, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feeds/atom.xml"))
			.timeout(Duration.ofSeconds(10));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Feed(response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
	}

	private List<Integer> ports() {
		return List.of(this.one.port(), this.two.port());
	}

	private <T extends AutoCloseable> T keep(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	record Feed(int status, String etag, String body) {

	}

}
