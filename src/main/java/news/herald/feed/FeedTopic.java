package news.herald.feed;

/**
 * A feed someone may subscribe to: one of Herald's own feed URLs, first page.
 *
 * @param url the topic URL as the subscriber gave it
 * @param base the public base URL it starts with
 * @param scope key of its {@link FeedScope}
 * @param format its wire format
 * @param limit entries per page
 */
public record FeedTopic(String url, String base, String scope, FeedFormat format, int limit) {

}
