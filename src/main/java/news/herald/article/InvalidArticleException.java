package news.herald.article;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** An article that breaks one or more publishing rules; every broken rule is listed. */
class InvalidArticleException extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidArticleException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
		String detail = (errors.size() == 1) ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " problems with the article, in: " + fields + ".";
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid article", detail, Map.entry("errors", errors));
	}

	/** One broken rule: the JSON path of the field and what is wrong with it. */
	record FieldError(String field, String message) {

	}

}
