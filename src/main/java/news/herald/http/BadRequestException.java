package news.herald.http;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A query parameter a person got wrong; the detail says how to get it right. */
public class BadRequestException extends ErrorResponseException {

	public BadRequestException(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter '" + parameter + "'",
				detail, Map.entry("parameter", parameter)), null);
	}

}
