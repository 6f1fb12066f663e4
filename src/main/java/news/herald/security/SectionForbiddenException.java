package news.herald.security;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A section-limited publisher key tried to write outside its sections. */
class SectionForbiddenException extends ErrorResponseException {

	SectionForbiddenException(PublisherKey key, String section) {
		super(HttpStatus.FORBIDDEN,
				Problems.of(HttpStatus.FORBIDDEN, "Section not allowed for this key",
						"This publisher key may write only to " + String.join(", ", new TreeSet<>(key.sections()))
								+ " (and their subsections); section '" + section + "' is outside them.",
						Map.entry("section", section)),
				null);
	}

}
