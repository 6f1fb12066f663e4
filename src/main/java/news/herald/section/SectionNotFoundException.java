package news.herald.section;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A section slug that the outlet does not have: 404 for whoever asked. */
public class SectionNotFoundException extends ErrorResponseException {

	public SectionNotFoundException(String slug) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "Section not found",
						"There is no section '" + slug + "'. GET /api/sections lists the sections.",
						Map.entry("section", slug)),
				null);
	}

}
