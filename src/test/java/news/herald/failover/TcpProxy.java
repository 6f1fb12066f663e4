package news.herald.failover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on a random local port, playing a Kubernetes Service: the CloudNativePG
 * {@code -rw} Service in front of the primary, or the network between a primary and its
 * standby. {@link #refuse()} is the moment no endpoint is ready (every connection is cut
 * and new ones are closed at once), {@link #forwardTo(int)} the moment the Service points
 * at a (new) primary.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "tcp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile int target;

	TcpProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Cuts every connection and forwards new ones to {@code port}. */
	void forwardTo(int port) {
		this.target = port;
		cutAll();
	}

	/** Cuts every connection and closes new ones as they come, until the next forward. */
	void refuse() {
		this.target = 0;
		cutAll();
	}

	private void cutAll() {
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				int port = this.target;
				if (port == 0) {
					closeQuietly(client);
					continue;
				}
				this.threads.execute(() -> connect(client, port));
			}
			catch (IOException ex) {
				// Closed: the proxy is done.
			}
		}
	}

	private void connect(Socket client, int port) {
		Socket upstream = new Socket();
		try {
			upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
			client.setTcpNoDelay(true);
			upstream.setTcpNoDelay(true);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(upstream);
			return;
		}
		this.open.add(client);
		this.open.add(upstream);
		if (this.target != port) {
			// Switched while connecting: this connection belongs to the old target.
			closeQuietly(client);
			closeQuietly(upstream);
		}
		this.threads.execute(() -> pipe(client, upstream));
		pipe(upstream, client);
	}

	private void pipe(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (SocketException ex) {
			// Cut on purpose, or closed by the other side.
		}
		catch (IOException ex) {
			// The same, seen from a stream.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to do with it.
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		cutAll();
		this.threads.shutdownNow();
	}

}
