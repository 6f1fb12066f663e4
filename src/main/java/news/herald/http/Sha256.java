package news.herald.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of some bytes, the one way Herald computes it: publisher key hashes
 * ({@code security}), content hashes that tell a repeated write from a changed one
 * ({@code article}) and the widget script's ETag ({@code ticker}). It lives in
 * {@code http}, the package of small shared bits that every feature may use and that uses
 * no feature, because its three callers sit in three features that already depend on
 * {@code http} and on nothing else in common; {@code safety} is about content a reader
 * sees, which a digest is not.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The 32-byte digest. */
	public static byte[] of(byte[] bytes) {
		try {
			// Not cached: a MessageDigest is not thread-safe, and getInstance is cheap.
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-256.
			throw new IllegalStateException(ex);
		}
	}

	/** The digest as 64 lower-case hex digits. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(of(bytes));
	}

}
