package news.herald.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * A 415 that says what to send: Spring's own gives no detail when the request had no
 * {@code Content-Type} at all, which leaves a client guessing.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaTypeProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupported(UnsupportedMediaTypeStatusException ex) {
		MediaType sent = ex.getContentType();
		String what = (sent != null && !sent.toString().isEmpty()) ? "Content-Type '" + sent + "' is not accepted"
				: "The request has no Content-Type";
		String accepted = ex.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: String.join(", ", ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				what + "; send the body as " + accepted + " with a Content-Type header saying so.");
		problem.setTitle("Unsupported Media Type");
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("Accept-Post", accepted)
			.body(problem);
	}

}
