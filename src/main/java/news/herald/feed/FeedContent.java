package news.herald.feed;

/**
 * A topic's feed as it is now, to be pushed to its subscribers.
 *
 * @param body the feed's bytes, uncompressed
 * @param contentType its {@code Content-Type}
 * @param self the feed's own URL ({@code rel="self"})
 * @param hub the hub it announces ({@code rel="hub"}), null for none
 */
public record FeedContent(byte[] body, String contentType, String self, String hub) {

}
