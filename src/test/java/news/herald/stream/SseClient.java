package news.herald.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import news.herald.TestHttp;

/**
 * A plain HTTP client reading a stream as raw {@code text/event-stream} bytes, split into
 * blocks at blank lines exactly as the spec says. Independent of WebFlux's SSE codec.
 */
final class SseClient {

	private SseClient() {
	}

	static Flux<Block> blocks(int port, String path) {
		return blocks(TestHttp.rawClient(), port, path, Map.of());
	}

	static Flux<Block> blocks(HttpClient client, int port, String path, Map<String, String> headers) {
		return client.port(port)
			.host("127.0.0.1")
			.headers((h) -> headers.forEach(h::set))
			.get()
			.uri(path)
			.responseContent()
			.asString(StandardCharsets.UTF_8)
			.transform(SseClient::split);
	}

	/** Chunks as they arrive → complete blocks (text up to a blank line). */
	static Flux<Block> split(Flux<String> chunks) {
		return Flux.defer(() -> {
			StringBuilder pending = new StringBuilder();
			return chunks.concatMapIterable((chunk) -> {
				pending.append(chunk);
				List<Block> complete = new ArrayList<>();
				int end;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					complete.add(new Block(pending.substring(0, end)));
					pending.delete(0, end + 2);
				}
				return complete;
			});
		});
	}

	/** One block of lines: an event, a comment or a {@code retry:}. */
	record Block(String text) {

		List<String> lines() {
			return List.of(this.text.split("\n", -1));
		}

		String field(String name) {
			String prefix = name + ": ";
			return lines().stream()
				.filter((line) -> line.startsWith(prefix))
				.findFirst()
				.map((line) -> line.substring(prefix.length()))
				.orElse(null);
		}

		String event() {
			return field("event");
		}

		/** The outbox id of {@code id: <timeline>-<id>}, 0 when there is none. */
		long id() {
			String id = field("id");
			return (id != null) ? Long.parseLong(id.substring(id.indexOf('-') + 1)) : 0;
		}

		/** The timeline of {@code id: <timeline>-<id>}, 0 when there is none. */
		int timeline() {
			String id = field("id");
			return (id != null) ? Integer.parseInt(id.substring(0, id.indexOf('-'))) : 0;
		}

		String data() {
			return field("data");
		}

		boolean isArticleEvent() {
			String event = event();
			return event != null && !event.equals("reset");
		}

	}

}
