package news.herald.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * The reverse proxies whose forwarding headers Herald believes, as addresses or CIDR
 * ranges ({@code 10.0.0.0/8}, {@code ::1}). Only IP literals are accepted, so neither
 * configuration nor a forwarded header can make Herald look up a host name.
 */
public final class TrustedProxies {

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * @param setting the property the specs come from, named in error messages
	 * @param specs addresses or CIDR ranges
	 */
	public static TrustedProxies of(String setting, List<String> specs) {
		return new TrustedProxies(specs.stream().map((spec) -> Range.parse(setting, spec)).toList());
	}

	public boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	public boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	public boolean contains(byte[] address) {
		// A plain loop: this runs on every counted feed request, mostly over no ranges.
		for (Range range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** An address or CIDR range. */
	record Range(byte[] network, int prefix) {

		static Range parse(String setting, String text) {
			String[] parts = text.strip().split("/", 2);
			byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException(setting + ": '" + text + "' is not an IP address or CIDR range");
			}
			try {
				int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
				if (prefix < 0 || prefix > network.length * 8) {
					throw new IllegalArgumentException(setting + ": bad prefix in '" + text + "'");
				}
				return new Range(network, prefix);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(setting + ": bad prefix in '" + text + "'", ex);
			}
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
