package news.herald.stream;

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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.section.SectionCatalog;
import news.herald.http.BadRequestException;
import news.herald.http.ClientAddress;

/**
 * {@code GET /stream} and {@code GET /stream/{section}}: live headlines as server-sent
 * events. Everything that can refuse a stream (unknown section, bad parameter, limits) is
 * checked before the response starts, so those answers are ordinary problem details.
 */
@RestController
class StreamController {

	private static final Log logger = LogFactory.getLog(StreamController.class);

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

	StreamController(SectionCatalog sections, Broadcast broadcast, StreamHistory history, StreamRegistry registry,
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

	@RequestMapping(path = { "/stream", "/stream/{section}" }, method = { RequestMethod.GET, RequestMethod.HEAD })
	Mono<Void> stream(@PathVariable(required = false) String section, @RequestParam(required = false) String backfill,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(required = false) String presence, ServerWebExchange exchange) {
		StreamRefusedException refusedBefore = exchange.getAttribute(StreamFastPath.REFUSED);
		if (refusedBefore != null) {
			throw refusedBefore;
		}
		return open(section, backfill, lastEventIdParameter, lastEventIdHeader, presence, exchange);
	}

	/**
	 * Opens a stream, or throws before the response starts when it is refused. Also
	 * called by {@link StreamFastPath} for requests that need no argument resolution.
	 */
	Mono<Void> open(String section, String backfill, String lastEventIdParameter, String lastEventIdHeader,
			String presence, ServerWebExchange exchange) {
		Set<String> family = (section != null) ? this.sections.family(section) : null;
		int backfillCount = parseBackfill(backfill);
		boolean withPresence = parsePresence(presence);
		List<String> scopes = List.of((section != null) ? section : Presence.OUTLET);
		// The header wins: a browser reconnects to the same URL, with a newer id in it.
		String lastEventId = (lastEventIdHeader != null) ? lastEventIdHeader : lastEventIdParameter;
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
		DataBufferFactory buffers = response.bufferFactory();
		Flux<DataBuffer> body = Flux.defer(() -> {
			// Listen first, then read the history: see Subscriber.
			this.presence.opened(scopes);
			Flux<Frame> live = this.broadcast.frames(eventLoop(exchange));
			// merge serializes the two sources into the subscriber's queue.
			Flux<Frame> frames = withPresence ? Flux.merge(live, this.presence.frames(scopes.get(0))) : live;
			Subscriber subscriber = new Subscriber(frames, family, this.properties.buffer(),
					() -> disconnectSlowConsumer(exchange), this.metrics::writtenLive);
			Flux<Frame> before = (lastEventId != null) ? this.history.resume(lastEventId, family)
					: (backfillCount > 0) ? this.history.backfill(backfillCount, family) : Flux.empty();
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
		return response.writeWith(body);
	}

	/**
	 * Refusals are problem details even for a client that asked for
	 * {@code text/event-stream}; content negotiation would otherwise render the problem
	 * as an event.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ErrorResponseException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getBody());
	}

	/**
	 * Ends a stream whose history could not be read (the database is away); the client
	 * reconnects after {@code retry:} and resumes from the same id.
	 */
	private Flux<Frame> historyFailed(HistoryUnavailableException ex) {
		logger.warn("Could not read stream history (" + ex.getCause().getMessage() + "); closing the stream");
		return Flux.empty();
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
		if (raw == null) {
			return 0;
		}
		String message = "backfill must be a whole number from 0 to " + MAX_BACKFILL + ", got '" + raw + "'.";
		try {
			int count = Integer.parseInt(raw.strip());
			if (count < 0 || count > MAX_BACKFILL) {
				throw new BadRequestException("backfill", message);
			}
			return count;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("backfill", message);
		}
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
