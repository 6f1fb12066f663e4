package news.herald.http;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The one CORS rule for public reads (feeds, the OPML list, streams, the API's GETs,
 * presence counts): any page on any origin may read, with any request header, since a
 * read ignores credentials and a web feed reader sends {@code If-None-Match} or
 * {@code Last-Event-ID} itself. Writes keep their own, narrower rule (the write origins).
 */
public final class PublicReads {

	/**
	 * Response headers a page may read beyond the CORS-safelisted ones: the validators it
	 * sends back, the links of a page (next page, WebSub hub) and when to retry.
	 */
	static final List<String> EXPOSED = List.of(HttpHeaders.ETAG, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER,
			HttpHeaders.LOCATION);

	private static final String EXPOSED_VALUE = String.join(", ", EXPOSED);

	private PublicReads() {
	}

	/** Whether a path (within the application) is one any origin may read. */
	public static boolean isPublic(String path) {
		return path.startsWith("/feeds/") || path.equals("/feeds.opml") || path.equals("/stream")
				|| path.startsWith("/stream/") || under(path, "/api/articles") || under(path, "/api/sections")
				|| under(path, "/api/presence");
	}

	/** The preflight rule: GET and HEAD from any origin, any request header. */
	public static CorsConfiguration cors() {
		CorsConfiguration reads = new CorsConfiguration();
		reads.addAllowedOrigin(CorsConfiguration.ALL);
		reads.setAllowedMethods(List.of("GET", "HEAD"));
		reads.addAllowedHeader(CorsConfiguration.ALL);
		reads.setExposedHeaders(EXPOSED);
		reads.setAllowCredentials(false);
		reads.setMaxAge(Duration.ofHours(1));
		return reads;
	}

	/**
	 * Marks a read's response as readable from any origin, whether or not the request
	 * named one: the same bytes for every client, so a shared cache can keep one copy
	 * without {@code Vary: Origin}.
	 */
	public static void allowAnyOrigin(HttpHeaders headers) {
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CorsConfiguration.ALL);
		headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_VALUE);
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

}
