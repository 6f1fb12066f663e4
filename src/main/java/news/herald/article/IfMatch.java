package news.herald.article;

import news.herald.http.EntityTags;

/**
 * The {@code If-Match} precondition (RFC 9110 §13.1.1) against an article's ETag
 * {@code "<version>"}: absent allows any version, {@code *} any existing article,
 * otherwise one of the listed strong tags must be the current one.
 */
final class IfMatch {

	private IfMatch() {
	}

	static void check(String header, Article current) {
		if (header == null || header.isBlank()) {
			return;
		}
		if (!EntityTags.strongMatch(header, current.etag())) {
			throw new PreconditionFailedException(current, header.strip());
		}
	}

}
