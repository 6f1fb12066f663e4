package news.herald.http;

import org.springframework.http.ETag;

/**
 * The one reading of {@code If-Match} and {@code If-None-Match}: {@code *} or a list of
 * entity tags (RFC 9110 §8.8.3), parsed by Spring's {@link ETag}, the parser its own
 * {@code checkNotModified} uses, so quoted commas and weak tags read the same everywhere.
 */
public final class EntityTags {

	private EntityTags() {
	}

	/**
	 * {@code If-Match} (RFC 9110 §13.1.1): whether the header names the current
	 * representation under the strong comparison, where a weak tag never matches;
	 * {@code *} names any current representation.
	 * @param header the header value, not null
	 * @param current the current ETag, quoted
	 */
	public static boolean strongMatch(String header, String current) {
		return matches(header, true, current);
	}

	/**
	 * {@code If-None-Match} (RFC 9110 §13.1.2): whether the header names one of the
	 * current ETags under the weak comparison; {@code *} names any.
	 * @param header the header value, not null
	 * @param current the current ETags, quoted (one per representation)
	 */
	public static boolean weakMatch(String header, String... current) {
		for (String tag : current) {
			// The common case, a client sending back the one tag it was given, needs
			// no parsing.
			if (header.equals(tag)) {
				return true;
			}
		}
		return matches(header, false, current);
	}

	private static boolean matches(String header, boolean strong, String... current) {
		for (ETag tag : ETag.parse(header)) {
			if (tag.isWildcard()) {
				return true;
			}
			for (String candidate : current) {
				if (tag.compare(ETag.create(candidate), strong)) {
					return true;
				}
			}
		}
		return false;
	}

}
