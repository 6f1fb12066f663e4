package news.herald.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a feed error as RFC 9457 problem JSON, or as plain text to a client that accepts
 * only XML (a feed reader would show JSON to its user as garbage).
 */
@Component
class FeedErrors {

	private final JsonMapper json;

	FeedErrors(JsonMapper json) {
		this.json = json;
	}

	Mono<Void> write(ServerWebExchange exchange, ErrorResponse error) {
		ProblemDetail problem = error.getBody();
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(error.getStatusCode());
		HttpHeaders headers = response.getHeaders();
		headers.addAll(error.getHeaders());
		byte[] body;
		if (acceptsJson(exchange.getRequest().getHeaders().getAccept())) {
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			body = this.json.writeValueAsBytes(problem);
		}
		else {
			headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
			body = (problem.getStatus() + " " + problem.getTitle() + ": " + problem.getDetail() + "\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			headers.setCacheControl("no-cache");
		}
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static boolean acceptsJson(List<MediaType> accept) {
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
