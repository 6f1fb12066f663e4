package news.herald.push;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Resolves a destination and refuses addresses inside the network Herald runs in
 * (loopback, private, link-local, multicast and the like) unless they are allowed. The
 * address it returns carries the checked IP, so the connection goes where the check
 * looked and a second DNS answer cannot send it elsewhere.
 */
@Component
public class DestinationGuard {

	private final boolean allowPrivate;

	public DestinationGuard(PushSettings settings) {
		this.allowPrivate = settings.allowPrivateDestinations();
	}

	/**
	 * The checked socket address of an {@code http} or {@code https} URL; errors with
	 * {@link DestinationRefusedException}.
	 */
	public Mono<InetSocketAddress> resolve(URI url) {
		String host = url.getHost();
		if (host == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			return Mono.error(new DestinationRefusedException("only http and https URLs with a host are accepted"));
		}
		int port = (url.getPort() >= 0) ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		// DNS blocks: a worker thread, never an event loop.
		return Mono.fromCallable(() -> InetAddress.getAllByName(name))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(UnknownHostException.class,
					(ex) -> new DestinationRefusedException("the host " + name + " does not resolve"))
			.map((addresses) -> checked(name, addresses, port));
	}

	private InetSocketAddress checked(String name, InetAddress[] addresses, int port) {
		for (InetAddress address : addresses) {
			if (!this.allowPrivate && !isPublic(address)) {
				throw new DestinationRefusedException(
						name + " resolves to " + address.getHostAddress() + ", which is not a public address");
			}
		}
		try {
			// The name for the Host header, SNI and certificate checks; the address for
			// the connection.
			return new InetSocketAddress(InetAddress.getByAddress(name, addresses[0].getAddress()), port);
		}
		catch (UnknownHostException ex) {
			throw new DestinationRefusedException("the host " + name + " has no usable address");
		}
	}

	/** Whether an address is on the public internet. */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking,
			// 240/4 reserved and broadcast.
			return first != 0 && !(first == 100 && second >= 64 && second < 128)
					&& !(first == 198 && (second == 18 || second == 19)) && first < 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses, the IPv6 private range.
			return (bytes[0] & 0xfe) != 0xfc;
		}
		return false;
	}

}
