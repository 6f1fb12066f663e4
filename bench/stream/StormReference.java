import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The reference for the reconnect storm of bench/stream.sh: a bare Reactor Netty server
 * that answers every GET /stream with the same bytes Herald replayed (captured from Herald
 * in the same run, read into memory once), then holds the stream open. No database, no
 * resume logic: the floor a JVM server can reach on this machine.
 *
 * Arguments: port framesFile
 */
public class StormReference {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		byte[] frames = Files.readAllBytes(Path.of(args[1]));
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes.get("/stream",
					(request, response) -> response.header("Content-Type", "text/event-stream")
						.header("Cache-Control", "no-cache")
						.send(Flux.concat(Mono.just(Unpooled.wrappedBuffer(frames)), Mono.never()))))
			.bindNow();
		System.out.println("storm reference listening on " + server.port());
		server.onDispose().block();
	}

}
