package news.herald.feed;

/**
 * What a cached render is for: one page of one feed in one format as seen from one public
 * base URL.
 */
record FeedKey(String base, String scope, FeedFormat format, Long cursor, int limit) {

}
