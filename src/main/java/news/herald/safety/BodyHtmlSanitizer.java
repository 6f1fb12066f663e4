package news.herald.safety;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans article bodies against an allow-list, so feeds and pages only ever carry markup
 * a newsroom body needs: paragraphs, links, emphasis, lists, quotes, sub-headings and
 * figures. Scripts, event handlers, {@code javascript:} URLs, iframes, SVG and styles are
 * dropped; relative links are made absolute against the article's URL.
 */
public final class BodyHtmlSanitizer {

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "a", "em", "strong", "i", "b", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "figure",
				"img", "figcaption")
		.addAttributes("a", "href", "title")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addAttributes("blockquote", "cite")
		.addProtocols("blockquote", "cite", "http", "https")
		.addAttributes("img", "src", "alt", "title", "width", "height")
		.addProtocols("img", "src", "https")
		.addAttributes("ol", "start");

	private BodyHtmlSanitizer() {
	}

	/**
	 * @param html the body as the newsroom sent it
	 * @param baseUrl the article's own URL, against which relative links resolve
	 */
	public static String clean(String html, String baseUrl) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document dirty = Jsoup.parseBodyFragment(XmlCharacters.strip(html), (baseUrl != null) ? baseUrl : "");
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		// An image whose source was not https has lost its src: nothing is left to show.
		clean.select("img:not([src])").remove();
		clean.outputSettings()
			.prettyPrint(false)
			.charset("UTF-8")
			.escapeMode(Entities.EscapeMode.xhtml)
			.syntax(Document.OutputSettings.Syntax.xml);
		// Character references such as &#1; were decoded while parsing; drop what they
		// produced if XML cannot carry it.
		return XmlCharacters.strip(clean.body().html());
	}

}
