package news.herald.http;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 bodies for the refusals security writes itself, before any controller runs:
 * the same shape as the problems controllers raise.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> unauthorized(ServerWebExchange exchange, String detail, boolean invalidKey) {
		String challenge = "Bearer realm=\"herald\"" + (invalidKey ? ", error=\"invalid_token\"" : "");
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return write(exchange, HttpStatus.UNAUTHORIZED, "Publisher key required", detail);
	}

	public Mono<Void> forbidden(ServerWebExchange exchange, String detail) {
		return write(exchange, HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(problem);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
