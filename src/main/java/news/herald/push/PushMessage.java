package news.herald.push;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one event made of one topic, to be sent to each of its destinations.
 *
 * @param channel the protocol ({@link PushChannel#name()})
 * @param topic what changed; with the event it makes the message unique
 * @param eventId the outbox event that changed it
 * @param publishedAt when that event was committed, the start of the delivery latency
 * @param contentType the body's type
 * @param headers further headers sent with every delivery
 * @param body the bytes to send
 */
public record PushMessage(String channel, String topic, long eventId, Instant publishedAt, String contentType,
		Map<String, List<String>> headers, byte[] body) {

}
