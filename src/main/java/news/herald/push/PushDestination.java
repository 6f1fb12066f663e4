package news.herald.push;

/**
 * Where a message goes.
 *
 * @param subscriber the channel's id for the subscription, to cancel its deliveries
 * @param url the URL the message is POSTed to
 * @param secret what the channel signs with, null for none
 */
public record PushDestination(long subscriber, String url, String secret) {

}
