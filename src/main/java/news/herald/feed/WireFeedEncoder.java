package news.herald.feed;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.codec.EncodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.MimeType;

/**
 * Writes Rome's RSS channels and Atom feeds, which WebFlux cannot do on its own. Like
 * Spring MVC's feed converters it uses a new {@link WireFeedOutput} for every feed (Rome
 * objects are not thread-safe) and the charset the feed declares, and keeps text exactly
 * as given.
 */
class WireFeedEncoder extends AbstractEncoder<WireFeed> {

	WireFeedEncoder() {
		super(FeedFormat.RSS.mediaType(), FeedFormat.ATOM.mediaType(), MimeType.valueOf("application/xml"),
				MimeType.valueOf("text/xml"));
	}

	@Override
	public boolean canEncode(ResolvableType elementType, MimeType mimeType) {
		return WireFeed.class.isAssignableFrom(elementType.toClass()) && supportsMimeType(mimeType);
	}

	private boolean supportsMimeType(MimeType mimeType) {
		if (mimeType == null) {
			return true;
		}
		for (MimeType supported : getEncodableMimeTypes()) {
			if (supported.isCompatibleWith(mimeType)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Flux<DataBuffer> encode(Publisher<? extends WireFeed> inputStream, DataBufferFactory bufferFactory,
			ResolvableType elementType, MimeType mimeType, Map<String, Object> hints) {
		return Flux.from(inputStream).map((feed) -> encodeValue(feed, bufferFactory, elementType, mimeType, hints));
	}

	@Override
	public DataBuffer encodeValue(WireFeed feed, DataBufferFactory bufferFactory, ResolvableType valueType,
			MimeType mimeType, Map<String, Object> hints) {
		Charset charset = (feed.getEncoding() != null) ? Charset.forName(feed.getEncoding()) : StandardCharsets.UTF_8;
		DataBuffer buffer = bufferFactory.allocateBuffer(16 * 1024);
		boolean release = true;
		try {
			try (Writer writer = new OutputStreamWriter(buffer.asOutputStream(), charset)) {
				// Rome's own output uses JDOM's compact format, which collapses
				// whitespace in
				// text (a <pre> in a body, double spaces in a title); write its document
				// raw.
				Document document = new WireFeedOutput().outputJDom(feed);
				new XMLOutputter(Format.getRawFormat().setEncoding(charset.name())).output(document, writer);
			}
			release = false;
			return buffer;
		}
		catch (IOException | FeedException | RuntimeException ex) {
			throw new EncodingException("Could not write the " + feed.getFeedType() + " feed", ex);
		}
		finally {
			if (release) {
				DataBufferUtils.release(buffer);
			}
		}
	}

	@Override
	public List<MimeType> getEncodableMimeTypes(ResolvableType elementType) {
		return getEncodableMimeTypes();
	}

}
