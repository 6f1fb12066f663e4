package news.herald.stream;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.util.NetUtil;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who is asking, for the per-address stream limit. The peer's address, unless the peer is
 * a trusted proxy: then the nearest {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy. A header from anyone else is ignored, so a client cannot dodge the limit
 * by inventing addresses.
 */
@Component
class ClientAddress {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<Range> trustedProxies;

	ClientAddress(StreamProperties properties) {
		this.trustedProxies = properties.trustedProxies().stream().map(Range::parse).toList();
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		byte[] peer = remote.getAddress().getAddress();
		String client = remote.getAddress().getHostAddress();
		if (!trusted(peer)) {
			return client;
		}
		List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			String hop = forwarded.get(i).strip();
			// Parses IP literals only: a host name here must never cause a DNS lookup.
			byte[] address = NetUtil.createByteArrayFromIpAddressString(hop);
			if (address == null) {
				return client;
			}
			client = NetUtil.bytesToIpAddress(address);
			if (!trusted(address)) {
				return client;
			}
		}
		return client;
	}

	private boolean trusted(byte[] address) {
		return this.trustedProxies.stream().anyMatch((range) -> range.contains(address));
	}

	/** An address or CIDR range such as {@code 10.0.0.0/8} or {@code ::1}. */
	record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			String[] parts = text.strip().split("/", 2);
			byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException(
						"herald.stream.trusted-proxies: '" + text + "' is not an IP address or CIDR range");
			}
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("herald.stream.trusted-proxies: bad prefix in '" + text + "'");
			}
			return new Range(network, prefix);
		}

		boolean contains(byte[] address) {
			byte[] candidate = address;
			if (candidate.length != this.network.length) {
				candidate = convert(candidate, this.network.length);
				if (candidate == null) {
					return false;
				}
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (candidate[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (candidate[full] & mask) == (this.network[full] & mask);
		}

		/** IPv4 and IPv4-mapped IPv6 compare equal; other mixes never match. */
		private static byte[] convert(byte[] address, int length) {
			if (length == 4 && address.length == 16 && allZero(address, 10) && address[10] == (byte) 0xFF
					&& address[11] == (byte) 0xFF) {
				return Arrays.copyOfRange(address, 12, 16);
			}
			if (length == 16 && address.length == 4) {
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xFF;
				mapped[11] = (byte) 0xFF;
				System.arraycopy(address, 0, mapped, 12, 4);
				return mapped;
			}
			return null;
		}

		private static boolean allZero(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				if (bytes[i] != 0) {
					return false;
				}
			}
			return true;
		}

	}

}
