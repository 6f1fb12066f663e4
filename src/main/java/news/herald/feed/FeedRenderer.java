package news.herald.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a feed page into the bytes of its wire format. Like Spring MVC's feed converters
 * it uses a new {@link WireFeedOutput} for every RSS channel or Atom feed (Rome objects
 * are not thread-safe) and the charset the feed declares, and keeps text exactly as
 * given.
 */
@Component
class FeedRenderer {

	private final JsonMapper json;

	FeedRenderer(JsonMapper json) {
		this.json = json;
		warmUp();
	}

	byte[] render(FeedPage page) {
		return switch (page.format()) {
			case RSS -> write(RssRenderer.render(page), (document) -> {
			});
			case ATOM -> write(AtomRenderer.render(page), (document) -> AtomRenderer.languages(document, page));
			case JSON -> this.json.writeValueAsBytes(JsonFeed.of(page));
		};
	}

	private static byte[] write(WireFeed feed, Consumer<Document> finish) {
		Charset charset = (feed.getEncoding() != null) ? Charset.forName(feed.getEncoding()) : StandardCharsets.UTF_8;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
		try (Writer writer = new OutputStreamWriter(bytes, charset)) {
			// Rome's own output uses JDOM's compact format, which collapses whitespace in
			// text (a <pre> in a body, double spaces in a title); write its document raw.
			Document document = new WireFeedOutput().outputJDom(feed);
			finish.accept(document);
			Format format = Format.getRawFormat().setEncoding(charset.name());
			XMLOutputter output = feed.getFeedType().startsWith("rss") ? new XMLOutputter(format, new RssText())
					: new XMLOutputter(format);
			output.output(document, writer);
		}
		catch (IOException | FeedException ex) {
			throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Rome reads its plugin configuration and jsoup its entity tables from the class path
	 * on first use; do that here, on the main thread at start-up, rather than on the
	 * first request's event-loop thread.
	 */
	private void warmUp() {
		FeedSelection outlet = FeedSelection.of(FeedScope.outlet());
		FeedPage.Links links = new FeedPage.Links("http://localhost", "http://localhost/",
				"http://localhost/feeds/rss.xml", "http://localhost/feeds/rss.xml", null, null,
				"http://localhost/herald-logo.png");
		for (FeedFormat format : FeedFormat.values()) {
			render(new FeedPage(outlet, format, List.of(), Instant.EPOCH, links, 15, (article) -> "", null));
		}
		FeedText.html("<p>warm-up &amp; <a href=\"https://example.org\">link</a></p>");
		FeedCompression.gzip(new byte[] { 1 });
	}

}
