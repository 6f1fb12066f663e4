package news.herald.audience;

import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The audience page's Mustache templates, compiled once at start-up. Every
 * {@code {{value}}} is escaped; no template uses unescaped output.
 */
@Component
class AudienceTemplates {

	private final Template page;

	private final Template login;

	AudienceTemplates(Mustache.Compiler compiler) {
		Mustache.Compiler escaping = compiler.withEscaper((raw) -> HtmlUtils.htmlEscape(raw, "UTF-8"));
		this.page = escaping.loadTemplate("audience-page");
		this.login = escaping.loadTemplate("audience-login");
	}

	String page(AudiencePage page) {
		return this.page.execute(page);
	}

	String login(String message) {
		Map<String, Object> model = new HashMap<>();
		model.put("refused", message != null);
		model.put("message", (message != null) ? message : "");
		return this.login.execute(model);
	}

}
