package news.herald.push;

/** A delivery this instance has claimed for one attempt. */
record Delivery(long id, String channel, Long payloadId, long subscriber, String destination, String secret,
		int attempts) {

}
