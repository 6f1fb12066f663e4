package news.herald.stream;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventType;
import news.herald.event.Headline;
import news.herald.event.OutboxPosition;

import static org.assertj.core.api.Assertions.assertThat;

class FrameEncoderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final FrameEncoder encoder = new FrameEncoder(this.json);

	@Test
	void lineBreaksInsideTheHeadlineNeverEndTheEvent() {
		Headline headline = new Headline(UUID.randomUUID(), "moved", "Title\nwith\r\nbreaks\u2028and more",
				"data: fake", "https://news.example/a", "europe", Instant.parse("2026-11-26T07:00:00Z"),
				Instant.parse("2026-11-26T07:05:00Z"), null, 2);
		Frame frame = this.encoder
			.encode(new ArticleEvent(42, ArticleEventType.UPDATED, "europe", "russia", headline, Instant.now(), 3));
		String text = frame.toString();
		assertThat(text).endsWith("\n\n");
		List<String> lines = List.of(text.substring(0, text.length() - 2).split("\r\n|\r|\n", -1));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).isEqualTo("id: 3-42");
		assertThat(lines.get(1)).isEqualTo("event: updated");
		JsonNode data = this.json.readTree(lines.get(2).substring("data: ".length()));
		assertThat(data.get("title").asString()).isEqualTo("Title\nwith\r\nbreaks\u2028and more");
		assertThat(data.get("previousSection").asString()).isEqualTo("russia");
		assertThat(data.get("publishedAt").asString()).isEqualTo("2026-11-26T07:00:00Z");
		assertThat(data.has("imageUrl")).isFalse();
		assertThat(frame.concerns(Set.of("russia"))).isTrue();
		assertThat(frame.concerns(Set.of("europe"))).isTrue();
		assertThat(frame.concerns(Set.of("kazakhstan"))).isFalse();
	}

	@Test
	void resetCarriesTheIdWhereTheStreamContinues() {
		Frame reset = this.encoder.reset(new OutboxPosition(2, 77), "expired");
		assertThat(reset.toString()).isEqualTo("id: 2-77\nevent: reset\ndata: {\"reason\":\"expired\"}\n\n");
		assertThat(reset.concerns(Set.of("europe"))).isTrue();
		assertThat(reset.isArticleEvent()).isFalse();
	}

}
