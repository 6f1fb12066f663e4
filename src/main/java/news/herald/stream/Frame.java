package news.herald.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * One piece of a stream, already encoded as {@code text/event-stream} bytes. An article
 * event is encoded once and the same bytes go to every subscriber. {@code id} is the
 * {@code id:} the frame carries (0 for keep-alive comments and {@code retry:});
 * {@code section} is null for frames that go to every stream, and {@code createdAt} is
 * set only for article events.
 */
record Frame(long id, String section, String previousSection, Instant createdAt, byte[] bytes) {

	static final Frame KEEP_ALIVE = control(": keep-alive\n\n");

	static Frame control(String text) {
		return new Frame(0, null, null, null, text.getBytes(StandardCharsets.UTF_8));
	}

	static Frame retry(long millis) {
		return control("retry: " + millis + "\n\n");
	}

	boolean isArticleEvent() {
		return this.createdAt != null;
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
