package news.herald.ticker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import news.herald.http.Sha256;

/**
 * The embeddable ticker, {@code GET /ticker.js}. Other sites load it, so it is served to
 * any origin, cached briefly (a new Herald version reaches embedders within minutes) and
 * revalidated by its content hash.
 */
@RestController
class TickerWidgetController {

	static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(10))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofHours(1))
		.staleIfError(Duration.ofDays(1));

	private final byte[] script;

	private final String etag;

	TickerWidgetController() {
		// Read once at start-up on the main thread; requests are served from memory.
		this.script = read("static/ticker.js");
		this.etag = "\"" + Sha256.hex(this.script).substring(0, 32) + "\"";
	}

	@GetMapping("/ticker.js")
	ResponseEntity<byte[]> script() {
		// The result handler answers 304 itself when If-None-Match names this ETag.
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.eTag(this.etag)
			.cacheControl(CACHING)
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.header("X-Content-Type-Options", "nosniff")
			.header("Cross-Origin-Resource-Policy", "cross-origin")
			.body(this.script);
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path + " from the classpath", ex);
		}
	}

}
