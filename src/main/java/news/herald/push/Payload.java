package news.herald.push;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored message, shared by all its deliveries. */
record Payload(long id, Instant publishedAt, String contentType, Map<String, List<String>> headers, byte[] body) {

}
