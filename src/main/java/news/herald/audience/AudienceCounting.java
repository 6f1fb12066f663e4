package news.herald.audience;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

/**
 * Counts feed requests around the whole web handler, ahead of every filter, the feed fast
 * path included (which answers most feed requests without calling further filters), as
 * the answer starts and its status is known: 200, 304 and 226 count, refusals do not. Not
 * registered at all when counting is off, so it then costs nothing.
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
		return (request, response) -> counted(request)
				? handler.handle(request, new CountedResponse(response, request, this.counter))
				: handler.handle(request, response);
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

	/**
	 * Counts as the handler starts its answer, with the status already set and before a
	 * byte of it leaves, so a client that has its answer is in the tally. Cheaper than a
	 * commit action, which builds a chain of operators for every response.
	 */
	private static final class CountedResponse extends ServerHttpResponseDecorator {

		private final ServerHttpRequest request;

		private final AudienceCounter counter;

		private boolean answered;

		CountedResponse(ServerHttpResponse response, ServerHttpRequest request, AudienceCounter counter) {
			super(response);
			this.request = request;
			this.counter = counter;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			answering();
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			answering();
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			answering();
			return super.setComplete();
		}

		private void answering() {
			if (this.answered) {
				return;
			}
			this.answered = true;
			if (!isCommitted() && served(getStatusCode())) {
				this.counter.count(this.request);
			}
		}

	}

}
