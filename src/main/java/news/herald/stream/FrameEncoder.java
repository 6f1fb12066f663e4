package news.herald.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.event.Headline;
import news.herald.event.OutboxPosition;

/**
 * The stream's wire format: an article event becomes {@code id:}, {@code event:} and one
 * {@code data:} line of JSON. Jackson escapes line breaks inside strings, so the JSON
 * always stays on one line and cannot end the event early.
 */
@Component
class FrameEncoder {

	private final JsonMapper json;

	FrameEncoder(JsonMapper json) {
		this.json = json;
	}

	Frame encode(ArticleEvent event) {
		Headline headline = event.headline();
		HeadlineData data = new HeadlineData(headline.id(), headline.slug(), headline.title(), headline.summary(),
				headline.url(), headline.section(), event.previousSection(), headline.publishedAt(),
				headline.updatedAt(), headline.imageUrl(), headline.version());
		return new Frame(event.id(), event.timeline(), event.section(), event.previousSection(), event.createdAt(),
				bytes(OutboxPosition.of(event), event.type().wireName(), this.json.writeValueAsBytes(data)));
	}

	/**
	 * Tells the client that its {@code Last-Event-ID} cannot be resumed and that it
	 * should reload; the id is where the stream continues, so the client's next reconnect
	 * resumes from there instead of asking for the lost id again.
	 */
	Frame reset(OutboxPosition continueAfter, String reason) {
		byte[] data = this.json.writeValueAsBytes(new Reset(reason));
		return new Frame(continueAfter.id(), continueAfter.timeline(), null, null, null,
				bytes(continueAfter, "reset", data));
	}

	/**
	 * How many read a scope now; without an id, so it never moves {@code Last-Event-ID}.
	 */
	Frame presence(String scope, int readers) {
		byte[] data = this.json.writeValueAsBytes(new PresenceData(scope.isEmpty() ? null : scope, readers));
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
		out.writeBytes("event: presence\ndata: ".getBytes(StandardCharsets.UTF_8));
		out.writeBytes(data);
		out.writeBytes(new byte[] { '\n', '\n' });
		return new Frame(0, 0, null, null, null, out.toByteArray());
	}

	private static byte[] bytes(OutboxPosition id, String event, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 48);
		out.writeBytes(("id: " + id + "\nevent: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(data);
		out.writeBytes(new byte[] { '\n', '\n' });
		return out.toByteArray();
	}

	/** The {@code data:} of an article event. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HeadlineData(UUID id, String slug, String title, String summary, String url, String section,
			String previousSection, Instant publishedAt, Instant updatedAt, String imageUrl, int version) {

	}

	/** The {@code data:} of a presence event; no section for the whole outlet. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PresenceData(String section, int readers) {

	}

	/** The {@code data:} of a reset. */
	record Reset(String reason) {

	}

}
