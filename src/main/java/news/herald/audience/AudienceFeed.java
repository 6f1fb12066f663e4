package news.herald.audience;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * One feed as the audience counts it: the path below {@code /feeds/} up to the file name
 * (its scope: {@code outlet}, a section, or any later kind such as {@code tags/economy}),
 * the file name (its format), and its filter, the query without the paging parameters,
 * sorted. Keyed by the request alone, so feed kinds added later are counted unchanged.
 *
 * @param scope {@value #OUTLET} for the outlet's feeds, else the path between
 * {@code /feeds/} and the file name
 * @param format the file name, e.g. {@code rss.xml}
 * @param filter the normalized query without paging parameters, {@code ""} for none
 */
record AudienceFeed(String scope, String format, String filter) {

	static final String OUTLET = "outlet";

	static final String PREFIX = "/feeds/";

	/** Turning these changes the page of a feed, not which feed it is. */
	private static final Set<String> PAGING = Set.of("cursor", "limit", "page", "before", "after");

	private static final int MAX_LENGTH = 256;

	/** The feed a request path and raw query name, or null when the path is no feed. */
	static AudienceFeed of(String path, String rawQuery) {
		if (!path.startsWith(PREFIX) || path.length() > MAX_LENGTH) {
			return null;
		}
		int slash = path.lastIndexOf('/');
		String format = path.substring(slash + 1);
		if (format.isEmpty()) {
			return null;
		}
		String scope = (slash < PREFIX.length()) ? OUTLET : path.substring(PREFIX.length(), slash);
		return new AudienceFeed(scope, format, filter(rawQuery));
	}

	/** The same feed without its filter. */
	AudienceFeed unfiltered() {
		return this.filter.isEmpty() ? this : new AudienceFeed(this.scope, this.format, "");
	}

	/** The path a reader fetches, relative to the public base URL. */
	String path() {
		String base = OUTLET.equals(this.scope) ? PREFIX + this.format : PREFIX + this.scope + "/" + this.format;
		return this.filter.isEmpty() ? base : base + "?" + this.filter;
	}

	private static String filter(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		if (rawQuery.length() > MAX_LENGTH) {
			return "";
		}
		Set<String> kept = new TreeSet<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			if (!PAGING.contains(name)) {
				String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
				kept.add(name + "=" + value);
			}
		}
		return String.join("&", kept);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8).strip();
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
