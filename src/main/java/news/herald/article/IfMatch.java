package news.herald.article;

/**
 * The {@code If-Match} precondition (RFC 9110 §13.1.1) against an article's ETag
 * {@code "<version>"}: absent allows any version, {@code *} any existing article,
 * otherwise one of the listed strong tags must be the current one.
 */
final class IfMatch {

	private IfMatch() {
	}

	static void check(String header, Article current) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return;
		}
		String currentTag = current.etag();
		for (String tag : header.split(",")) {
			// Weak tags (W/"...") never match under the strong comparison If-Match uses.
			if (tag.strip().equals(currentTag)) {
				return;
			}
		}
		throw new PreconditionFailedException(current, header.strip());
	}

}
