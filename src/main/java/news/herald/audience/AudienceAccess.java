package news.herald.audience;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;
import news.herald.section.SectionCatalog;
import news.herald.security.PublisherKey;
import news.herald.security.PublisherKeys;

/**
 * Who may see the audience: any publisher key, each seeing the sections it may write to
 * (a key for {@code world} sees {@code world} and its subsections; a key for every
 * section sees the outlet and every other feed kind too).
 */
@Component
class AudienceAccess {

	private static final String BEARER = "bearer ";

	private final PublisherKeys keys;

	private final SectionCatalog sections;

	AudienceAccess(PublisherKeys keys, SectionCatalog sections) {
		this.keys = keys;
		this.sections = sections;
	}

	/** The key in {@code Authorization: Bearer <key>}, if it is a publisher key. */
	Optional<PublisherKey> bearer(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return key(header.substring(BEARER.length()));
	}

	/** A key typed into the page's form, if it is a publisher key. */
	Optional<PublisherKey> key(String presented) {
		if (presented == null || presented.isBlank()) {
			return Optional.empty();
		}
		return this.keys.find(presented.strip());
	}

	/**
	 * The scopes a key is shown: the one asked for, or all it may see.
	 * @throws ErrorResponseException 403 when the key may not see the scope asked for
	 */
	Predicate<String> shown(PublisherKey key, String scope) {
		if (scope == null || scope.isBlank()) {
			return (candidate) -> allowed(key, candidate);
		}
		String asked = scope.strip();
		if (!allowed(key, asked)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					Problems.of(HttpStatus.FORBIDDEN, "Scope not allowed for this key",
							"This publisher key may see only the audience of its own sections; '" + asked
									+ "' is outside them.",
							Map.entry("scope", asked)),
					null);
		}
		return asked::equals;
	}

	private boolean allowed(PublisherKey key, String scope) {
		if (key.sections().isEmpty()) {
			return true;
		}
		return this.sections.exists(scope) && key.covers(this.sections.lineage(scope));
	}

	/** The refusal of a request without a valid key. */
	static ErrorResponseException keyRequired(boolean presented) {
		String detail = presented ? "The publisher key is not valid."
				: "The audience needs a publisher key: send 'Authorization: Bearer <key>'.";
		ErrorResponseException refusal = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
				Problems.of(HttpStatus.UNAUTHORIZED, "Publisher key required", detail), null);
		refusal.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"herald\"" + (presented ? ", error=\"invalid_token\"" : ""));
		return refusal;
	}

}
