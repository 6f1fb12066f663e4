package news.herald.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies whose forwarding headers Herald believes, as addresses or CIDR ranges
 * ({@code 10.0.0.0/8}, {@code ::1}).
 */
final class TrustedProxies {

	private final List<Range> ranges;

	TrustedProxies(List<String> specs) {
		this.ranges = specs.stream().map(Range::parse).toList();
	}

	boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		for (Range range : this.ranges) {
			if (range.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String spec) {
			String value = spec.strip();
			int slash = value.indexOf('/');
			String host = (slash >= 0) ? value.substring(0, slash) : value;
			if (!host.matches("[0-9a-fA-F:.]+")) {
				throw new IllegalArgumentException(
						"herald.feeds.trusted-proxies takes IP addresses or CIDR ranges, not '" + spec + "'");
			}
			try {
				// A literal address: no name lookup happens.
				byte[] network = InetAddress.getByName(host).getAddress();
				int prefix = (slash >= 0) ? Integer.parseInt(value.substring(slash + 1)) : network.length * 8;
				if (prefix < 0 || prefix > network.length * 8) {
					throw new IllegalArgumentException("Bad prefix length in trusted proxy '" + spec + "'");
				}
				return new Range(network, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("Bad trusted proxy '" + spec + "'", ex);
			}
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int fullBytes = this.prefix / 8;
			for (int i = 0; i < fullBytes; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int remainingBits = this.prefix % 8;
			if (remainingBits == 0) {
				return true;
			}
			int mask = (0xFF << (8 - remainingBits)) & 0xFF;
			return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
		}

	}

}
