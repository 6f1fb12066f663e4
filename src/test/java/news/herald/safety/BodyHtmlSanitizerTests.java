package news.herald.safety;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

public class BodyHtmlSanitizerTests {

	@Test
	void keepsWhatANewsroomBodyNeeds() {
		String html = "<h2>Sub</h2><h3>Sub-sub</h3><h4>Small</h4><p>A <em>b</em> <strong>c</strong> <i>d</i> "
				+ "<b>e</b><br>f</p><ul><li>one</li></ul><ol><li>two</li></ol>"
				+ "<blockquote cite=\"https://news.example/q\"><p>quote</p></blockquote>"
				+ "<figure><img src=\"https://news.example/a.jpg\" alt=\"Alt\"><figcaption>Cap</figcaption></figure>"
				+ "<p><a href=\"https://news.example/x\">web</a> <a href=\"mailto:desk@news.example\">mail</a></p>";
		Document clean = Jsoup.parseBodyFragment(BodyHtmlSanitizer.clean(html, "https://news.example/a/b"));
		assertThat(clean.select("h2, h3, h4, em, strong, i, b, br, ul, ol, li, blockquote, figure, img, figcaption"))
			.extracting(Element::tagName)
			.containsExactly("h2", "h3", "h4", "em", "strong", "i", "b", "br", "ul", "li", "ol", "li", "blockquote",
					"figure", "img", "figcaption");
		assertThat(clean.select("a").eachAttr("href")).containsExactly("https://news.example/x",
				"mailto:desk@news.example");
		assertThat(clean.select("img").attr("alt")).isEqualTo("Alt");
	}

	@Test
	void relativeLinksResolveAgainstTheArticleUrl() {
		String clean = BodyHtmlSanitizer.clean("<a href=\"/world/other\">other</a><img src=\"pic.jpg\">",
				"https://news.example/world/story");
		Document body = Jsoup.parseBodyFragment(clean);
		assertThat(body.select("a").attr("href")).isEqualTo("https://news.example/world/other");
		assertThat(body.select("img").attr("src")).isEqualTo("https://news.example/world/pic.jpg");
	}

	@Test
	void imagesOnlyOverHttps() {
		String clean = BodyHtmlSanitizer.clean("<p>x<img src=\"http://news.example/a.jpg\"></p>",
				"https://news.example/");
		assertThat(Jsoup.parseBodyFragment(clean).select("img")).isEmpty();
	}

	@Test
	void scriptsHandlersJavascriptUrlsSvgIframesAndStylesAreRemoved() {
		String[] payloads = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
				"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
				"<a href=\"&#106;avascript:alert(1)\">x</a>", "<svg onload=alert(1)><circle r=1 /></svg>",
				"<svg><script>alert(1)</script></svg>", "<iframe src=\"https://evil.example\"></iframe>",
				"<p style=\"x:expression(alert(1))\">s</p>", "<style>*{}</style>", "<body onload=alert(1)>",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<a href=\"vbscript:msgbox\">v</a>",
				"<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "<object data=\"x.swf\"></object>",
				"<embed src=\"x.swf\">", "<base href=\"https://evil.example/\">",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">" };
		for (String payload : payloads) {
			assertInert(BodyHtmlSanitizer.clean(payload, "https://news.example/a"));
		}
	}

	@Test
	void emptyBodiesStayEmpty() {
		assertThat(BodyHtmlSanitizer.clean(null, null)).isEmpty();
		assertThat(BodyHtmlSanitizer.clean("  ", null)).isEmpty();
	}

	@Test
	void everyLinkIsNofollowNoopenerAndDirectionLanguageAndPreformattedTextSurvive() {
		Document clean = Jsoup.parseBodyFragment(BodyHtmlSanitizer.clean(
				"<p dir=\"rtl\" lang=\"ar\">نص <a href=\"https://news.example/x\" rel=\"opener\">x</a></p><pre>a\n  b</pre>",
				"https://news.example/"));
		assertThat(clean.select("a").attr("rel")).isEqualTo("nofollow noopener");
		assertThat(clean.select("p").attr("dir")).isEqualTo("rtl");
		assertThat(clean.select("p").attr("lang")).isEqualTo("ar");
		assertThat(clean.select("pre").first().wholeText()).isEqualTo("a\n  b");
	}

	@Test
	void feedsGetTheSameListInHtmlSyntax() {
		String stored = BodyHtmlSanitizer.clean("<p>a<br>b<img src=\"https://news.example/i.jpg\"></p>",
				"https://news.example/");
		assertThat(stored).isEqualTo("<p>a<br />b<img src=\"https://news.example/i.jpg\" /></p>");
		assertThat(BodyHtmlSanitizer.cleanForFeed(stored))
			.isEqualTo("<p>a<br>b<img src=\"https://news.example/i.jpg\"></p>");
		assertThat(BodyHtmlSanitizer.cleanForFeed("<p onclick=\"x()\">\u0085<a href=\"/relative\">r</a></p>"))
			.isEqualTo("<p><a rel=\"nofollow noopener\">r</a></p>");
	}

	/**
	 * Parses stored HTML with the JDK's XML parser, not the jsoup that wrote it (the
	 * sanitizer emits XML syntax), and fails on anything that could run.
	 */
	public static void assertInert(String html) {
		org.w3c.dom.Document document = parseXml(html);
		NodeList elements = document.getElementsByTagName("*");
		Set<String> forbidden = Set.of("script", "svg", "iframe", "style", "object", "embed", "form", "math", "base",
				"meta", "link");
		for (int i = 0; i < elements.getLength(); i++) {
			org.w3c.dom.Element element = (org.w3c.dom.Element) elements.item(i);
			String name = element.getTagName().toLowerCase(Locale.ROOT);
			assertThat(forbidden).as(html).doesNotContain(name.substring(name.indexOf(':') + 1));
			NamedNodeMap attributes = element.getAttributes();
			for (int j = 0; j < attributes.getLength(); j++) {
				Attr attribute = (Attr) attributes.item(j);
				assertThat(attribute.getName()).as(html).doesNotStartWithIgnoringCase("on").isNotEqualTo("style");
				String value = attribute.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
				assertThat(value).as(html)
					.doesNotContain("javascript:")
					.doesNotContain("vbscript:")
					.doesNotStartWith("data:");
			}
		}
	}

	private static org.w3c.dom.Document parseXml(String html) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder()
				.parse(new InputSource(new StringReader("<inert-check>" + html + "</inert-check>")));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new AssertionError("Sanitized HTML is not well-formed: " + html, ex);
		}
	}

}
