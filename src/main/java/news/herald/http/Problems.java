package news.herald.http;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 body every refusal carries: a status, a title a person reads first, a
 * detail saying what to do about it, and the values the detail names, for programs.
 */
public final class Problems {

	/**
	 * Written out although RFC 9457 lets it be left out: a client then need not know that
	 * a missing type means this one.
	 */
	private static final URI NO_TYPE = URI.create("about:blank");

	private Problems() {
	}

	/**
	 * A problem whose extra members keep the order given, so the same refusal always
	 * reads the same.
	 */
	@SafeVarargs
	public static ProblemDetail of(HttpStatusCode status, String title, String detail,
			Map.Entry<String, ?>... properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(NO_TYPE);
		problem.setTitle(title);
		for (Map.Entry<String, ?> property : properties) {
			problem.setProperty(property.getKey(), property.getValue());
		}
		return problem;
	}

}
