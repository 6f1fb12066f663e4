package news.herald.stream;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * What a client asked of a stream, as sent: checked by {@link StreamOpener}.
 *
 * @param section the section of {@code /stream/{section}}, null for {@code /stream}
 * @param sections {@code ?sections=a,b,c}: several sections on one connection
 * @param backfill {@code ?backfill=}
 * @param lastEventIdParameter {@code ?lastEventId=}
 * @param lastEventIdHeader the {@code Last-Event-ID} header
 * @param presence {@code ?presence=}
 */
record StreamRequest(String section, String sections, String backfill, String lastEventIdParameter,
		String lastEventIdHeader, String presence) {

	static StreamRequest of(String section, ServerHttpRequest request) {
		MultiValueMap<String, String> query = request.getQueryParams();
		return new StreamRequest(section, query.getFirst("sections"), query.getFirst("backfill"),
				query.getFirst("lastEventId"), request.getHeaders().getFirst("Last-Event-ID"),
				query.getFirst("presence"));
	}

	/** The header wins: a browser reconnects to the same URL, with a newer id in it. */
	String lastEventId() {
		return (this.lastEventIdHeader != null) ? this.lastEventIdHeader : this.lastEventIdParameter;
	}

}
