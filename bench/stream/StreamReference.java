import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The reference for bench/stream.sh: a bare Reactor Netty server that multicasts each
 * published JSON body as one server-sent event, encoded once, to every open stream. No
 * database, no sections, no resume: the floor a JVM SSE fan-out can reach on this machine.
 *
 * GET /stream (text/event-stream), POST /publish (body = the event's JSON, answers its id).
 */
public class StreamReference {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Sinks.Many<byte[]> events = Sinks.many().multicast().directBestEffort();
		AtomicLong ids = new AtomicLong();
		byte[] retry = "retry: 5000\n\n".getBytes(StandardCharsets.UTF_8);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.get("/stream", (request, response) -> {
				Flux<ByteBuf> frames = Flux.concat(Mono.just(retry), events.asFlux().onBackpressureBuffer(256))
					.map(Unpooled::wrappedBuffer);
				return response.header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache").send(frames);
			}).post("/publish", (request, response) -> request.receive().aggregate().asString().flatMap((json) -> {
				byte[] frame;
				long id;
				synchronized (events) {
					id = ids.incrementAndGet();
					// Stamped like Herald stamps updatedAt, as the write begins.
					String data = "{\"updatedAt\":\"" + java.time.Instant.now() + "\","
							+ json.replace('\n', ' ').strip().substring(1);
					frame = ("id: " + id + "\nevent: published\ndata: " + data + "\n\n")
						.getBytes(StandardCharsets.UTF_8);
					events.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
				}
				return response.status(201).sendString(Mono.just("{\"id\":" + id + "}")).then();
			})))
			.bindNow();
		System.out.println("reference listening on " + server.port());
		server.onDispose().block();
	}

}
