package news.herald.event;

import java.time.Instant;
import java.util.UUID;

/**
 * What a ticker or feed needs to show an article, frozen into each event so that a replay
 * shows the headline as it was when the event happened.
 */
public record Headline(UUID id, String slug, String title, String summary, String url, String section,
		Instant publishedAt, Instant updatedAt, String imageUrl, int version) {

}
