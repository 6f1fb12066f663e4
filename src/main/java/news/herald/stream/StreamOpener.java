package news.herald.stream;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import news.herald.http.BadRequestException;
import news.herald.http.Paging;
import news.herald.http.ClientAddress;
import news.herald.section.SectionCatalog;

/**
 * Opens a live headline stream: checks the section and parameters, takes a place within
 * the limits, and writes the events until the client leaves, the instance stops or the
 * client stops reading. Everything that can refuse a stream is checked before the
 * response starts, and thrown, so a refusal is an ordinary problem detail. One opener
 * serves {@link StreamFastPath} and {@link StreamController} alike.
 */
@Component
class StreamOpener {

	private static final Log logger = LogFactory.getLog(StreamOpener.class);

	static final int MAX_BACKFILL = 50;

	private final SectionCatalog sections;

	private final Broadcast broadcast;

	private final StreamHistory history;

	private final StreamRegistry registry;

	private final StreamMetrics metrics;

	private final ClientAddress clientAddress;

	private final StreamProperties properties;

	private final Frame retry;

	private final Presence presence;

	StreamOpener(SectionCatalog sections, Broadcast broadcast, StreamHistory history, StreamRegistry registry,
			StreamMetrics metrics, ClientAddress clientAddress, StreamProperties properties, Presence presence) {
		this.presence = presence;
		this.sections = sections;
		this.broadcast = broadcast;
		this.history = history;
		this.registry = registry;
		this.metrics = metrics;
		this.clientAddress = clientAddress;
		this.properties = properties;
		this.retry = Frame.retry(properties.retry().toMillis());
	}

	/**
	 * Opens the stream of a section, of several ({@code ?sections=}), or of every
	 * section.
	 * @throws ErrorResponseException before anything is written when the stream is
	 * refused: an unknown section, a bad parameter, a limit reached; the returned mono
	 * fails with one, also before anything is written, when a resume's missed events
	 * cannot be read (the database is away)
	 */
	Mono<Void> open(StreamRequest request, ServerWebExchange exchange) {
		List<String> scopes = scopes(request);
		Set<String> family = family(scopes);
		int backfillCount = parseBackfill(request.backfill());
		boolean withPresence = parsePresence(request.presence());
		String lastEventId = request.lastEventId();
		ServerHttpResponse response = exchange.getResponse();
		boolean head = exchange.getRequest().getMethod() == HttpMethod.HEAD;
		Runnable release = head ? () -> {
		} : this.registry.admit(this.clientAddress.of(exchange.getRequest()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.TEXT_EVENT_STREAM);
		headers.setCacheControl("no-cache, no-store");
		// Tells nginx-style proxies not to hold events back in their buffers.
		headers.set("X-Accel-Buffering", "no");
		if (head) {
			return response.setComplete();
		}
		if (lastEventId == null) {
			Flux<Frame> before = (backfillCount > 0) ? this.history.backfill(backfillCount, family) : Flux.empty();
			return response.writeWith(body(exchange, scopes, family, withPresence, before, release));
		}
		// A resume is prepared before the response starts: when the missed events can be
		// read neither from memory nor from the database, the client gets a 503 saying
		// when to come back, not an open stream that silently skips them.
		return this.history.resume(lastEventId, family)
			.onErrorMap((ex) -> !(ex instanceof ErrorResponseException), (ex) -> {
				logger.warn("Refused a resume after " + lastEventId + ", its history cannot be read: " + ex);
				this.metrics.rejected("history-unavailable");
				return StreamRefusedException.historyUnavailable(this.properties.retry(), ex);
			})
			.doOnError((ex) -> release.run())
			.doOnCancel(release)
			.flatMap((before) -> response.writeWith(body(exchange, scopes, family, withPresence, before, release)));
	}

	/**
	 * The stream's bytes: {@code retry:}, the history {@code before}, then live frames,
	 * until the client leaves, the instance stops or the client stops reading.
	 */
	private Flux<DataBuffer> body(ServerWebExchange exchange, List<String> scopes, Set<String> family,
			boolean withPresence, Flux<Frame> before, Runnable release) {
		DataBufferFactory buffers = exchange.getResponse().bufferFactory();
		return Flux.defer(() -> {
			// Listen first, then read the history: see Subscriber.
			this.presence.opened(scopes);
			Flux<Frame> live = this.broadcast.frames(eventLoop(exchange));
			// merge serializes the sources into the subscriber's queue.
			Flux<Frame> frames = withPresence
					? Flux.merge(Flux.fromIterable(scopes).map(this.presence::frames).startWith(live)) : live;
			Subscriber subscriber = new Subscriber(frames, family, this.properties.buffer(),
					() -> disconnectSlowConsumer(exchange), this.metrics::writtenLive);
			return subscriber.stream(this.retry, before.onErrorMap(HistoryUnavailableException::new), 0);
		})
			.onErrorResume(HistoryUnavailableException.class, this::historyFailed)
			.takeUntilOther(this.registry.closing())
			.doOnNext(this.metrics::written)
			.map((frame) -> buffers.wrap(frame.bytes()))
			.doFinally((signal) -> {
				this.presence.closed(scopes);
				release.run();
			});
	}

	/**
	 * Ends a stream whose history could not be read (the database is away); the client
	 * reconnects after {@code retry:} and resumes from the same id.
	 */
	private Flux<Frame> historyFailed(HistoryUnavailableException ex) {
		logger.warn("Could not read stream history (" + ex.getCause().getMessage() + "); closing the stream");
		return Flux.empty();
	}

	/**
	 * The scopes a stream counts for in presence: its section, each of {@code sections=},
	 * or the outlet. Unknown sections are refused with 404, too many with 400.
	 */
	private List<String> scopes(StreamRequest request) {
		if (request.sections() == null) {
			return List.of((request.section() != null) ? request.section() : Presence.OUTLET);
		}
		if (request.section() != null) {
			throw new BadRequestException("sections",
					"sections= goes with /stream only; ask /stream?sections=" + request.section() + ",… instead.");
		}
		Set<String> listed = new LinkedHashSet<>();
		for (String slug : request.sections().split(",", -1)) {
			if (slug.isBlank()) {
				throw new BadRequestException("sections",
						"sections must be a comma-separated list of section slugs, got '" + request.sections() + "'.");
			}
			listed.add(slug.strip());
		}
		int max = this.properties.maxSections();
		if (listed.size() > max) {
			throw new BadRequestException("sections",
					"One stream carries at most " + max + " sections; got " + listed.size() + ".");
		}
		return List.copyOf(listed);
	}

	/** Every section the stream carries, null for all of them. */
	private Set<String> family(List<String> scopes) {
		if (scopes.equals(List.of(Presence.OUTLET))) {
			return null;
		}
		if (scopes.size() == 1) {
			return this.sections.family(scopes.get(0));
		}
		Set<String> union = new HashSet<>();
		scopes.forEach((slug) -> union.addAll(this.sections.family(slug)));
		return Set.copyOf(union);
	}

	private static boolean parsePresence(String raw) {
		if (raw == null || raw.strip().equalsIgnoreCase("false")) {
			return false;
		}
		if (raw.strip().equalsIgnoreCase("true")) {
			return true;
		}
		throw new BadRequestException("presence", "presence must be true or false, got '" + raw + "'.");
	}

	private static int parseBackfill(String raw) {
		return Paging.parseWholeNumber("backfill", raw, 0, 0, MAX_BACKFILL);
	}

	/** The outbox could not be read while preparing a stream's history. */
	private static final class HistoryUnavailableException extends RuntimeException {

		HistoryUnavailableException(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

	/** The Reactor Netty connection serving this exchange, null under another server. */
	private static Connection connection(ServerWebExchange exchange) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		return (nativeRequest instanceof Connection connection) ? connection : null;
	}

	/** The event loop serving this connection, if it is served by Reactor Netty. */
	private static Executor eventLoop(ServerWebExchange exchange) {
		Connection connection = connection(exchange);
		return (connection != null) ? connection.channel().eventLoop() : null;
	}

	/**
	 * Drops the connection of a client that stopped reading: its socket buffers are full,
	 * so a polite end-of-stream would never reach it.
	 */
	private void disconnectSlowConsumer(ServerWebExchange exchange) {
		this.metrics.slowConsumerDisconnected();
		Connection connection = connection(exchange);
		if (connection != null) {
			connection.dispose();
		}
	}

}
