package news.herald.ticker;

import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The ticker's Mustache templates, compiled once at start-up so that a request only
 * renders in memory. Every {@code {{value}}} is escaped; no template uses unescaped
 * output.
 */
@Component
class TickerTemplates {

	private final Template page;

	private final Template sectionNotFound;

	TickerTemplates(Mustache.Compiler compiler) {
		// HtmlUtils escapes &, <, >, " and ', as the page always has; Mustache's default
		// would also encode = and ` (harmless, but it changes every query link's bytes).
		Mustache.Compiler escaping = compiler.withEscaper((raw) -> HtmlUtils.htmlEscape(raw, "UTF-8"));
		this.page = escaping.loadTemplate("ticker-page");
		this.sectionNotFound = escaping.loadTemplate("section-not-found");
	}

	String page(TickerPage page) {
		return this.page.execute(page);
	}

	String sectionNotFound(String slug, List<TickerPage.SectionLink> sections) {
		return this.sectionNotFound.execute(Map.of("slug", slug, "sections", sections));
	}

}
