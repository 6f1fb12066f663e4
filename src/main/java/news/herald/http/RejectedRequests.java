package news.herald.http;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers what Spring Security's firewall refuses on every path (a {@code ;}, {@code //},
 * {@code ..} or an encoded {@code /} or {@code .} in the path, an unknown method, a
 * control character in a header) with a 400 problem that says what was wrong, instead of
 * the firewall's empty 400: such a path is never one of Herald's, and a person who typed
 * it should learn why it failed.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

	/** Long enough for the offending string, short enough not to echo a huge header. */
	private static final int MAX_REASON = 200;

	private final ProblemWriter problems;

	RejectedRequests(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		String reason = (ex.getMessage() != null) ? ex.getMessage() : "The request was rejected";
		if (reason.length() > MAX_REASON) {
			reason = reason.substring(0, MAX_REASON) + "…";
		}
		reason = reason.endsWith(".") ? reason : reason + ".";
		String advice = reason.toLowerCase(Locale.ROOT).contains("url")
				? " Herald's paths have no ';', no '//', no '.' or '..' segment and no encoded '/', '\\', '.' or '%';"
						+ " request the path as Herald's links write it, e.g. /feeds/rss.xml."
				: " Send only printable ASCII in header names, parameter names and the method.";
		ErrorResponseException rejected = new ErrorResponseException(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "Request rejected", reason + advice), null);
		return this.problems.write(exchange, rejected);
	}

}
