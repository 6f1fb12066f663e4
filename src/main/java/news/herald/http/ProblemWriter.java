package news.herald.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a refusal straight to the response, for code that answers before (or instead of)
 * a controller: security's 401 and 403, the feed and stream fast paths. The body is the
 * same {@link ProblemDetail} WebFlux writes for a controller's
 * {@link org.springframework.web.ErrorResponseException}, serialized by the application's
 * JSON mapper, and the refusal's own headers ({@code Retry-After},
 * {@code WWW-Authenticate}, {@code ETag}) go with it.
 */
@Component
public class ProblemWriter {

	private static final MediaType PLAIN_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Writes {@code application/problem+json} whatever the client accepts: an
	 * {@code EventSource} asks for {@code text/event-stream}, and a refusal must still
	 * read as a problem rather than as an event.
	 */
	public Mono<Void> write(ServerWebExchange exchange, ErrorResponse error) {
		return write(exchange.getRequest(), exchange.getResponse(), error);
	}

	/** The same, for code that runs around WebFlux, where there is no exchange yet. */
	Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, ErrorResponse error) {
		ProblemDetail problem = prepare(request, response, error);
		return write(response, MediaType.APPLICATION_PROBLEM_JSON, this.json.writeValueAsBytes(problem));
	}

	/**
	 * Writes problem JSON to a client that accepts JSON, and one line of plain text to a
	 * client that accepts only other types: a feed reader would show JSON to its user as
	 * garbage.
	 */
	public Mono<Void> writeReadable(ServerWebExchange exchange, ErrorResponse error) {
		if (acceptsJson(exchange.getRequest().getHeaders())) {
			return write(exchange, error);
		}
		ProblemDetail problem = prepare(exchange.getRequest(), exchange.getResponse(), error);
		String line = problem.getStatus() + " " + problem.getTitle() + ": " + problem.getDetail() + "\n";
		return write(exchange.getResponse(), PLAIN_TEXT, line.getBytes(StandardCharsets.UTF_8));
	}

	private static ProblemDetail prepare(ServerHttpRequest request, ServerHttpResponse response, ErrorResponse error) {
		response.setStatusCode(error.getStatusCode());
		// The refusal's headers win over any set before it was raised.
		response.getHeaders().putAll(error.getHeaders());
		ProblemDetail problem = error.getBody();
		if (problem.getInstance() == null) {
			problem.setInstance(instance(request));
		}
		return problem;
	}

	/** The request's path, as WebFlux's own problem handling sets it. */
	private static URI instance(ServerHttpRequest request) {
		try {
			return URI.create(request.getPath().value());
		}
		catch (IllegalArgumentException ex) {
			// A path no URI can hold: the problem goes without an instance.
			return null;
		}
	}

	private static Mono<Void> write(ServerHttpResponse response, MediaType type, byte[] body) {
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(type);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private static boolean acceptsJson(HttpHeaders request) {
		List<MediaType> accept;
		try {
			accept = request.getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			// An Accept header nobody can read says nothing against JSON.
			return true;
		}
		if (accept.isEmpty()) {
			return true;
		}
		for (MediaType type : accept) {
			if (type.isWildcardType() || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
					|| (type.getType().equals("application") && type.isWildcardSubtype())) {
				return true;
			}
		}
		return false;
	}

}
