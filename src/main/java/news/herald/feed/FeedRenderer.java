package news.herald.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.WireFeed;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

/** Turns a feed page into the bytes of its wire format. */
@Component
class FeedRenderer {

	private static final ResolvableType WIRE_FEED = ResolvableType.forClass(WireFeed.class);

	private final WireFeedEncoder encoder;

	private final JsonMapper json;

	FeedRenderer(WireFeedEncoder encoder, JsonMapper json) {
		this.encoder = encoder;
		this.json = json;
		warmUp();
	}

	byte[] render(FeedPage page) {
		return switch (page.format()) {
			case RSS -> encode(RssRenderer.render(page), page.format());
			case ATOM -> encode(AtomRenderer.render(page), page.format());
			case JSON -> this.json.writeValueAsBytes(JsonFeed.of(page));
		};
	}

	private byte[] encode(WireFeed feed, FeedFormat format) {
		DataBuffer buffer = this.encoder.encodeValue(feed, DefaultDataBufferFactory.sharedInstance, WIRE_FEED,
				format.mediaType(), Map.of());
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Rome reads its plugin configuration and jsoup its entity tables from the class path
	 * on first use; do that here, on the main thread at start-up, rather than on the
	 * first request's event-loop thread.
	 */
	private void warmUp() {
		FeedScope outlet = FeedScope.outlet();
		FeedPage.Links links = new FeedPage.Links("http://localhost", "http://localhost/",
				"http://localhost/feeds/rss.xml", "http://localhost/feeds/rss.xml", null, null,
				"http://localhost/herald-logo.png");
		for (FeedFormat format : FeedFormat.values()) {
			render(new FeedPage(outlet, format, List.of(), Instant.EPOCH, links, 15, (article) -> ""));
		}
		FeedText.html("<p>warm-up &amp; <a href=\"https://example.org\">link</a></p>");
		FeedCompression.gzip(new byte[] { 1 });
	}

}
