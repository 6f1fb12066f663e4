package news.herald.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * One piece of a stream, already encoded as {@code text/event-stream} bytes. An article
 * event is encoded once and the same bytes go to every subscriber. {@code id} and
 * {@code timeline} are the outbox position the frame's {@code id:} names (0 for
 * keep-alive comments, {@code retry:} and presence); {@code section} is null for frames
 * that go to every stream, and {@code createdAt} is set only for article events.
 */
record Frame(long id, int timeline, String section, String previousSection, Instant createdAt, byte[] bytes) {

	static final Frame KEEP_ALIVE = control(": keep-alive\n\n");

	static Frame control(String text) {
		return new Frame(0, 0, null, null, null, text.getBytes(StandardCharsets.UTF_8));
	}

	static Frame retry(long millis) {
		return control("retry: " + millis + "\n\n");
	}

	boolean isArticleEvent() {
		return this.createdAt != null;
	}

	/**
	 * A reset: the client should reload, and its stream continues after this frame's id.
	 */
	boolean isReset() {
		return this.createdAt == null && this.id > 0;
	}

	/**
	 * Whether a stream of the given sections (all when null) carries this frame.
	 */
	boolean concerns(Set<String> family) {
		return family == null || this.section == null || family.contains(this.section)
				|| (this.previousSection != null && family.contains(this.previousSection));
	}

	@Override
	public String toString() {
		return new String(this.bytes, StandardCharsets.UTF_8);
	}

}
