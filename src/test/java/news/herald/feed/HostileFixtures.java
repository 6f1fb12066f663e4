package news.herald.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;

/**
 * The articles of {@code feed/hostile-articles.json} as drafts, keyed by fixture key, the
 * way {@link FeedHostileContentIntegrationTests} builds them, but published
 * {@code apart}: a newsroom does not publish four stories at one instant, and one instant
 * for all of them would be an honest duplicate {@code atom:updated}.
 */
final class HostileFixtures {

	private HostileFixtures() {
	}

	static Map<String, ArticleDraft> drafts(JsonMapper json, Instant first, Duration apart) {
		Map<String, ArticleDraft> drafts = new LinkedHashMap<>();
		Instant publishedAt = first;
		for (JsonNode fixture : read(json).path("articles")) {
			drafts.put(fixture.path("key").asString(), draft(fixture, publishedAt));
			publishedAt = publishedAt.plus(apart);
		}
		return drafts;
	}

	/** The fixtures themselves, as the JSON file has them. */
	static JsonNode read(JsonMapper json) {
		try (InputStream in = new ClassPathResource("feed/hostile-articles.json").getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ArticleDraft draft(JsonNode fixture, Instant publishedAt) {
		String externalId = Newsroom.unique("hostile-" + fixture.path("key").asString());
		String body = fixture.path("bodyHtml").asString().repeat(Math.max(1, fixture.path("repeatBody").asInt(1)));
		JsonNode image = fixture.path("image");
		JsonNode source = fixture.path("source");
		return new ArticleDraft(externalId, null, fixture.path("section").asString(), fixture.path("title").asString(),
				fixture.path("summary").asString(), body, "https://news.example/" + externalId,
				strings(fixture.path("authors")), "en",
				image.isMissingNode() ? null
						: new Article.Image(image.path("url").asString(), image.path("caption").asString(),
								image.path("credit").asString(), image.path("license").asString()),
				strings(fixture.path("tags")),
				source.isMissingNode() ? null
						: new Article.Source(source.path("name").asString(), source.path("url").asString()),
				publishedAt);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

}
