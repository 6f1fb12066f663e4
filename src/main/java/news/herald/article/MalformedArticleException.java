package news.herald.article;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** JSON that does not parse, or does not have the shape of an article. */
class MalformedArticleException extends ErrorResponseException {

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
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed article JSON", detail);
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
