package news.herald.article;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A tag, author or language no published article has: 404 for whoever asked. */
public class TaxonomyNotFoundException extends ErrorResponseException {

	public TaxonomyNotFoundException(String parameter, String value) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "No such " + parameter,
						"No published article has the " + parameter + " '" + value + "'. " + where(parameter),
						Map.entry(parameter, value)),
				null);
	}

	private static String where(String parameter) {
		return switch (parameter) {
			case "tag" -> "GET /api/tags lists the tags.";
			case "author" -> "GET /api/authors lists the authors.";
			default -> "GET /feeds.opml lists the language editions.";
		};
	}

}
