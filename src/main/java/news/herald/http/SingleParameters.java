package news.herald.http;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every query parameter at most once, on every endpoint: feeds used to take the first of
 * two {@code limit}s, the API refused them and the stream joined two {@code sections}
 * with a comma. Which of two values a client meant cannot be guessed, so a repeated
 * parameter is a 400 naming it, before any feature reads the query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class SingleParameters implements WebFilter {

	private final ProblemWriter problems;

	SingleParameters(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getURI().getRawQuery() == null) {
			return chain.filter(exchange);
		}
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			int times = parameter.getValue().size();
			if (times > 1) {
				String name = parameter.getKey();
				BadRequestException repeated = new BadRequestException(name,
						name + " is given " + times + " times; give it at most once.");
				// A feed reader shows plain text better than JSON, as for a feed's other
				// refusals.
				return exchange.getRequest().getPath().value().startsWith("/feeds")
						? this.problems.writeReadable(exchange, repeated) : this.problems.write(exchange, repeated);
			}
		}
		return chain.filter(exchange);
	}

}
