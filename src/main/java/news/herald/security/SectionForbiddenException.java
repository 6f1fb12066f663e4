package news.herald.security;

import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A section-limited publisher key tried to write outside its sections. */
class SectionForbiddenException extends ErrorResponseException {

	SectionForbiddenException(PublisherKey key, String section) {
		super(HttpStatus.FORBIDDEN, problem(key, section), null);
	}

	private static ProblemDetail problem(PublisherKey key, String section) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"This publisher key may write only to " + String.join(", ", new TreeSet<>(key.sections()))
						+ " (and their subsections); section '" + section + "' is outside them.");
		problem.setTitle("Section not allowed for this key");
		problem.setProperty("section", section);
		return problem;
	}

}
