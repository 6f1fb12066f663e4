package news.herald.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link ArticleRequest} from a request body, refusing bodies over 1 MiB before
 * reading them when their length is declared and as soon as they grow past it when not.
 * Parsing is strict (unknown or repeated fields, trailing content), and every refusal is
 * a problem that says where the JSON went wrong.
 */
@Component
class ArticleRequestReader {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final JsonMapper strict;

	ArticleRequestReader(JsonMapper json) {
		this.strict = json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// "title": 123 is a mistake in the CMS, not the headline "123".
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
		// Builds and caches the deserializers now, on the main thread: Jackson creates
		// them under a lock that concurrent first requests would contend for on reactor
		// threads.
		this.strict.readValue("{\"image\": {}, \"source\": {}, \"tags\": []}", ArticleRequest.class);
	}

	Mono<ArticleRequest> read(ServerHttpRequest request) {
		long declared = request.getHeaders().getContentLength();
		if (declared > MAX_BODY_BYTES) {
			return Mono.error(new BodyTooLargeException());
		}
		return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
			.onErrorMap(DataBufferLimitException.class, (ex) -> new BodyTooLargeException())
			.switchIfEmpty(Mono.error(() -> new MalformedArticleException(
					"The request body is empty; send the " + "article as a JSON object.", null)))
			.map((buffer) -> {
				try (InputStream in = buffer.asInputStream(true)) {
					return parse(in);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	ArticleRequest parse(InputStream in) {
		try {
			ArticleRequest article = this.strict.readValue(in, ArticleRequest.class);
			if (article == null) {
				throw new MalformedArticleException("The request body is JSON null; send the article as a JSON object.",
						null);
			}
			return article;
		}
		catch (JacksonException ex) {
			throw MalformedArticleException.of(ex);
		}
	}

}
