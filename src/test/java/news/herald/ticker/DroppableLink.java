package news.herald.ticker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * A TCP hop between the browser and Herald that the test can cut and mend, so the page
 * lives through a real network drop: open connections die and new ones are refused until
 * the link is back on the same port.
 */
final class DroppableLink implements AutoCloseable {

	private final int targetPort;

	private final Set<Connection> open = ConcurrentHashMap.newKeySet();

	private volatile int port;

	private volatile DisposableServer server;

	DroppableLink(int targetPort) {
		this.targetPort = targetPort;
		this.server = bind(0);
		this.port = this.server.port();
	}

	int port() {
		return this.port;
	}

	/** Drops every open connection and refuses new ones. */
	void cut() {
		this.server.disposeNow(Duration.ofSeconds(10));
		this.open.forEach(Connection::dispose);
		this.open.clear();
	}

	/** Accepts connections again, on the same port. */
	void mend() {
		this.server = bind(this.port);
	}

	private DisposableServer bind(int port) {
		return TcpServer.create()
			.host("localhost")
			.port(port)
			.doOnConnection(this::track)
			.handle((browserIn, browserOut) -> TcpClient.create()
				.host("localhost")
				.port(this.targetPort)
				.connect()
				.flatMap((herald) -> {
					track(herald);
					Mono<Void> up = herald.outbound().send(browserIn.receive().retain()).then();
					Mono<Void> down = browserOut.send(herald.inbound().receive().retain()).then();
					// Whichever side ends first ends both.
					return Mono.firstWithSignal(up, down).doFinally((signal) -> herald.dispose());
				}))
			.bindNow(Duration.ofSeconds(30));
	}

	private void track(Connection connection) {
		this.open.add(connection);
		connection.onDispose(() -> this.open.remove(connection));
	}

	@Override
	public void close() {
		cut();
	}

}
