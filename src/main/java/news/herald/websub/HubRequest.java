package news.herald.websub;

/**
 * A subscriber's request (§5.1), checked.
 *
 * @param subscribe true to subscribe, false to unsubscribe
 * @param topic the feed URL, one of Herald's, as the feed spells it
 * @param asked the topic URL as the subscriber spelt it, which verification echoes (§5.3)
 * @param base the public base URL the topic starts with
 * @param callback where verification and content go
 * @param callbackHost the callback's host, lower case, for the per-host limit
 * @param secret what content is signed with, null for none
 * @param leaseSeconds the lease granted (asked for, within the limits)
 */
record HubRequest(boolean subscribe, String topic, String asked, String base, String callback, String callbackHost,
		String secret, int leaseSeconds) {

	String mode() {
		return this.subscribe ? "subscribe" : "unsubscribe";
	}

}
