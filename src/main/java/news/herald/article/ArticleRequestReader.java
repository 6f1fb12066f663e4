package news.herald.article;

import java.io.InputStream;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

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
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
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

	/** Refused before or while reading: the article is over 1 MiB. */
	static class BodyTooLargeException extends ErrorResponseException {

		BodyTooLargeException() {
			super(HttpStatus.PAYLOAD_TOO_LARGE, problem(), null);
		}

		private static ProblemDetail problem() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"An article may be at most " + MAX_BODY_BYTES + " bytes (1 MiB) of JSON.");
			problem.setTitle("Article too large");
			problem.setProperty("maxBytes", MAX_BODY_BYTES);
			return problem;
		}

	}

	/** JSON that does not parse, or does not have the shape of an article. */
	static class MalformedArticleException extends ErrorResponseException {

		MalformedArticleException(String detail, TokenStreamLocation location) {
			this(detail, location, null);
		}

		private MalformedArticleException(String detail, TokenStreamLocation location, String field) {
			super(HttpStatus.BAD_REQUEST, problem(detail, location, field), null);
		}

		static MalformedArticleException of(JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String field = field(ex.getPath());
			String where = (location != null && location.getLineNr() > 0)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			String what;
			if (ex instanceof UnrecognizedPropertyException unknown) {
				what = "Unknown field '" + field + "'";
			}
			else if (field != null) {
				what = "Field '" + field + "' has the wrong type or shape";
			}
			else {
				what = "Malformed JSON";
			}
			String reason = String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse("");
			return new MalformedArticleException(what + where + ": " + reason, location, field);
		}

		private static String field(List<JacksonException.Reference> path) {
			if (path == null || path.isEmpty()) {
				return null;
			}
			StringBuilder field = new StringBuilder();
			for (JacksonException.Reference reference : path) {
				if (reference.getPropertyName() != null) {
					if (!field.isEmpty()) {
						field.append('.');
					}
					field.append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					field.append('[').append(reference.getIndex()).append(']');
				}
			}
			return field.isEmpty() ? null : field.toString();
		}

		private static ProblemDetail problem(String detail, TokenStreamLocation location, String field) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
			problem.setTitle("Malformed article JSON");
			if (location != null && location.getLineNr() > 0) {
				problem.setProperty("line", location.getLineNr());
				problem.setProperty("column", location.getColumnNr());
			}
			if (field != null) {
				problem.setProperty("errors", List.of(new InvalidArticleException.FieldError(field, detail)));
			}
			return problem;
		}

	}

}
