package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** Refused before or while reading: the article is over 1 MiB. */
class BodyTooLargeException extends ErrorResponseException {

	BodyTooLargeException() {
		super(HttpStatus.PAYLOAD_TOO_LARGE,
				Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Article too large",
						"An article may be at most " + ArticleRequestReader.MAX_BODY_BYTES + " bytes (1 MiB) of JSON.",
						Map.entry("maxBytes", ArticleRequestReader.MAX_BODY_BYTES)),
				null);
	}

}
