package news.herald.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Article bodies and keys for publishing tests; every article is unique to its test. */
public final class PublishingFixtures {

	/** May write to every section (see src/test/resources/config/application.yaml). */
	public static final String EDITOR_KEY = "test-editor-key";

	/** May write only to world and its subsections. */
	public static final String WORLD_DESK_KEY = "test-world-desk-key";

	private static final String RUN = Long.toString(System.currentTimeMillis(), 36)
			+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

	private static final AtomicLong COUNTER = new AtomicLong();

	private PublishingFixtures() {
	}

	/** A valid article as the newsroom would send it, in a mutable map to tweak. */
	public static Map<String, Object> article(String section) {
		// Not UUID.randomUUID(): SecureRandom may block, and fixtures run on reactor
		// threads.
		String id = "test-" + RUN + "-" + COUNTER.incrementAndGet();
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("externalId", id);
		article.put("section", section);
		article.put("title", "Headline " + id);
		article.put("summary", "What happened, in one sentence.");
		article.put("bodyHtml", "<p>First paragraph with <a href=\"https://news.example/context\">context</a>.</p>");
		article.put("url", "https://news.example/" + section + "/" + id);
		article.put("authors", List.of("Desk Reporter"));
		article.put("language", "en");
		article.put("tags", List.of("test"));
		article.put("publishedAt", "2026-01-15T08:00:00Z");
		return article;
	}

}
