package news.herald.safety;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Herald's one HTML allow-list, for article bodies wherever they go: only the markup a
 * newsroom body needs (paragraphs, links, emphasis, lists, quotes, sub-headings,
 * preformatted text and figures, with their direction and language, which matter for
 * right-to-left stories). Scripts, event handlers, {@code javascript:} URLs, iframes, SVG
 * and styles are dropped, images load only over https, and every link is
 * {@code rel="nofollow noopener"}. Bodies are cleaned when they are written; feeds run
 * the same list again over what is stored, so a row written any other way cannot reach a
 * reader unclean.
 */
public final class BodyHtmlSanitizer {

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "a", "em", "strong", "i", "b", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "pre",
				"figure", "img", "figcaption")
		.addAttributes(":all", "dir", "lang")
		.addAttributes("a", "href", "title", "rel")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		.addAttributes("blockquote", "cite")
		.addProtocols("blockquote", "cite", "http", "https")
		.addAttributes("img", "src", "alt", "title", "width", "height")
		.addProtocols("img", "src", "https")
		.addAttributes("ol", "start");

	private static final Cleaner CLEANER = new Cleaner(SAFELIST);

	private BodyHtmlSanitizer() {
	}

	/**
	 * The body as Herald stores it: allow-listed, XML-legal, in XML syntax.
	 * @param html the body as the newsroom sent it
	 * @param baseUrl the article's own URL, against which relative links resolve
	 */
	public static String clean(String html, String baseUrl) {
		return clean(html, baseUrl, Document.OutputSettings.Syntax.xml);
	}

	/**
	 * A stored body cleaned again, in the HTML syntax feeds carry. There is no base URL:
	 * a relative link that is still there is dropped.
	 */
	public static String cleanForFeed(String html) {
		return clean(html, null, Document.OutputSettings.Syntax.html);
	}

	private static String clean(String html, String baseUrl, Document.OutputSettings.Syntax syntax) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document dirty = Jsoup.parseBodyFragment(XmlCharacters.strip(html), (baseUrl != null) ? baseUrl : "");
		Document clean = CLEANER.clean(dirty);
		// An image whose source was not https has lost its src: nothing is left to show.
		clean.select("img:not([src])").remove();
		clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.xhtml).syntax(syntax);
		// Character references such as &#1; were decoded while parsing; drop what they
		// produced if the character rule refuses it.
		return XmlCharacters.strip(clean.body().html());
	}

}
