package news.herald.push;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Herald's requests to destinations it was told about: bounded connections, connect and
 * read time-outs, no redirects (a redirect could point anywhere, the guard's check
 * included), and every address checked by the {@link DestinationGuard} first.
 */
@Component
public class PushClient {

	/** A verification answer longer than this is not an echoed challenge. */
	private static final int MAX_ANSWER = 4096;

	private final DestinationGuard guard;

	private final HttpClient client;

	private final long overallMillis;

	PushClient(DestinationGuard guard, PushSettings settings) {
		this.guard = guard;
		ConnectionProvider connections = ConnectionProvider.builder("herald-push")
			.maxConnections(settings.concurrency())
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(java.time.Duration.ofSeconds(30))
			.build();
		this.client = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.readTimeout())
			.followRedirect(false)
			.disableRetry(true);
		this.overallMillis = settings.connectTimeout().plus(settings.readTimeout()).toMillis() + 1000;
	}

	/** POSTs a body; the status code the destination answered. */
	public Mono<Integer> post(URI url, HttpHeaders headers, byte[] body) {
		return this.guard.resolve(url)
			.flatMap((address) -> to(url, address).headers((netty) -> headers.forEach(netty::add))
				.post()
				.uri(pathAndQuery(url))
				.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
				.response()
				.map((response) -> response.status().code()))
			.timeout(java.time.Duration.ofMillis(this.overallMillis));
	}

	/** GETs a URL; its status and (short) body. */
	public Mono<Answer> get(URI url) {
		return this.guard.resolve(url)
			.flatMap((address) -> to(url, address).get().uri(pathAndQuery(url)).responseSingle((response, content) -> {
				int status = response.status().code();
				String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
				if (length != null && length.length() > 6) {
					return Mono.just(new Answer(status, null));
				}
				return content.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.map((body) -> new Answer(status, (body.length() <= MAX_ANSWER) ? body : null));
			}))
			.timeout(java.time.Duration.ofMillis(this.overallMillis));
	}

	private HttpClient to(URI url, InetSocketAddress address) {
		String host = (url.getPort() >= 0) ? url.getHost() + ":" + url.getPort() : url.getHost();
		HttpClient client = this.client.remoteAddress(() -> address)
			.headers((headers) -> headers.set(HttpHeaderNames.HOST, host));
		return "https".equals(url.getScheme()) ? client.secure() : client;
	}

	private static String pathAndQuery(URI url) {
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		return (url.getRawQuery() != null) ? path + "?" + url.getRawQuery() : path;
	}

	/**
	 * A destination's answer to a GET.
	 *
	 * @param status the status code
	 * @param body the body, null when it was too long to be read
	 */
	public record Answer(int status, String body) {

		public boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
