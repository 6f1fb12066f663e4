package news.herald.stream;

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

	StreamOpener(SectionCatalog sections, Broadcast broadcast, StreamHistory history, StreamRegistry registry,
			StreamMetrics metrics, ClientAddress clientAddress, StreamProperties properties) {
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
	 * Opens the stream of a section (null for every section).
	 * @throws ErrorResponseException before anything is written when the stream is
	 * refused: an unknown section, a bad parameter, a limit reached
	 */
	Mono<Void> open(String section, String backfill, String lastEventIdParameter, String lastEventIdHeader,
			ServerWebExchange exchange) {
		Set<String> family = (section != null) ? this.sections.family(section) : null;
		int backfillCount = parseBackfill(backfill);
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
			Subscriber subscriber = new Subscriber(this.broadcast.frames(eventLoop(exchange)), family,
					this.properties.buffer(), () -> disconnectSlowConsumer(exchange), this.metrics::writtenLive);
			Flux<Frame> before = (lastEventId != null) ? this.history.resume(lastEventId, family)
					: (backfillCount > 0) ? this.history.backfill(backfillCount, family) : Flux.empty();
			return subscriber.stream(this.retry, before.onErrorMap(HistoryUnavailableException::new), 0);
		})
			.onErrorResume(HistoryUnavailableException.class, this::historyFailed)
			.takeUntilOther(this.registry.closing())
			.doOnNext(this.metrics::written)
			.map((frame) -> buffers.wrap(frame.bytes()))
			.doFinally((signal) -> release.run());
		return response.writeWith(body);
	}

	/**
	 * Ends a stream whose history could not be read (the database is away); the client
	 * reconnects after {@code retry:} and resumes from the same id.
	 */
	private Flux<Frame> historyFailed(HistoryUnavailableException ex) {
		logger.warn("Could not read stream history (" + ex.getCause().getMessage() + "); closing the stream");
		return Flux.empty();
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
