package news.herald.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query parameter a person got wrong; the detail says how to get it right. */
public class BadRequestException extends ErrorResponseException {

	public BadRequestException(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
	}

	private static ProblemDetail problem(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid parameter '" + parameter + "'");
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
