package news.herald.section;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A section slug that the outlet does not have: 404 for whoever asked. */
public class SectionNotFoundException extends ErrorResponseException {

	public SectionNotFoundException(String slug) {
		super(HttpStatus.NOT_FOUND, problem(slug), null);
	}

	private static ProblemDetail problem(String slug) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no section '" + slug + "'. GET /api/sections lists the sections.");
		problem.setTitle("Section not found");
		problem.setProperty("section", slug);
		return problem;
	}

}
