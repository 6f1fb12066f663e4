package news.herald.http;

import java.net.InetSocketAddress;
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
public class ClientAddress {

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final TrustedProxies trustedProxies;

	public ClientAddress(TrustedProxies trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public String of(ServerHttpRequest request) {
		byte[] address = bytesOf(request);
		return (address != null) ? NetUtil.bytesToIpAddress(address) : "unknown";
	}

	/**
	 * The client's address as its 4 or 16 bytes, or null when the peer is unknown: what
	 * {@link #of} names, without formatting it (the audience counter hashes these on
	 * every feed request).
	 */
	public byte[] bytesOf(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return null;
		}
		byte[] client = remote.getAddress().getAddress();
		if (!trusted(client)) {
			return client;
		}
		List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			// Parses IP literals only: a host name here must never cause a DNS lookup.
			byte[] address = NetUtil.createByteArrayFromIpAddressString(forwarded.get(i).strip());
			if (address == null) {
				return client;
			}
			client = address;
			if (!trusted(address)) {
				return client;
			}
		}
		return client;
	}

	private boolean trusted(byte[] address) {
		return this.trustedProxies.contains(address);
	}

}
