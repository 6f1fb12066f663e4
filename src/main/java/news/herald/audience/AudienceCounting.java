package news.herald.audience;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * Counts feed requests around the whole web handler, ahead of every filter, the feed fast
 * path included (which answers most feed requests without calling further filters), as
 * the answer is committed and its status known: 200, 304 and 226 count, refusals do not.
 * Not registered at all when counting is off, so it then costs nothing.
 */
@Component
@ConditionalOnProperty(name = "herald.audience.enabled", havingValue = "true", matchIfMissing = true)
class AudienceCounting implements HttpHandlerDecoratorFactory {

	private final AudienceCounter counter;

	AudienceCounting(AudienceCounter counter) {
		this.counter = counter;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			if (!counted(request)) {
				return handler.handle(request, response);
			}
			// Counted as the answer is committed, before a byte of it leaves: by the time
			// a
			// client has its answer, its request is in the tally.
			response.beforeCommit(() -> {
				if (served(response.getStatusCode())) {
					this.counter.count(request);
				}
				return Mono.empty();
			});
			return handler.handle(request, response);
		};
	}

	private static boolean counted(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		return (method == HttpMethod.GET || method == HttpMethod.HEAD)
				&& request.getPath().value().startsWith(AudienceFeed.PREFIX);
	}

	private static boolean served(HttpStatusCode status) {
		int code = (status != null) ? status.value() : 200;
		return code == 200 || code == 304 || code == 226;
	}

}
