package news.herald.ticker;

import java.util.List;

import news.herald.section.Section;

/**
 * Where the feeds of the outlet and of each section live, as the ticker page links to
 * them: a table for people and {@code <link rel="alternate">} tags for feed readers.
 */
final class FeedDirectory {

	/** One wire format of a feed: its file name, media type and name for people. */
	record Format(String file, String mediaType, String label) {

	}

	static final List<Format> FORMATS = List.of(new Format("rss.xml", "application/rss+xml", "RSS"),
			new Format("atom.xml", "application/atom+xml", "Atom"),
			new Format("feed.json", "application/feed+json", "JSON Feed"));

	private FeedDirectory() {
	}

	/** The path of a feed; the outlet's when {@code section} is null. */
	static String path(Section section, Format format) {
		return (section != null) ? "/feeds/" + section.slug() + "/" + format.file() : "/feeds/" + format.file();
	}

	/** Autodiscovery tags for one section's feeds, or the outlet's. */
	static void alternates(StringBuilder html, Section section) {
		String name = (section != null) ? "Herald — " + section.title() : "Herald — all sections";
		for (Format format : FORMATS) {
			html.append("<link rel=\"alternate\" type=\"")
				.append(format.mediaType())
				.append("\" title=\"")
				.append(TickerPage.e(name + " (" + format.label() + ")"))
				.append("\" href=\"")
				.append(TickerPage.e(path(section, format)))
				.append("\">\n");
		}
	}

	/** The table of every feed, the chosen section's row marked. */
	static void render(StringBuilder html, List<Section> sections, Section chosen) {
		html.append("<section class=\"feeds\" aria-labelledby=\"feeds-heading\">\n")
			.append("<h2 id=\"feeds-heading\">Follow in a feed reader</h2>\n")
			.append("<p>Subscribe to one section, or import <a href=\"/feeds.opml\">every feed at once (OPML)</a>.</p>\n")
			.append("<table class=\"feed-table\">\n<thead><tr><th scope=\"col\">Section</th>");
		FORMATS.forEach((format) -> html.append("<th scope=\"col\">").append(format.label()).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
		row(html, null, chosen == null);
		for (Section section : sections) {
			row(html, section, chosen != null && chosen.slug().equals(section.slug()));
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	private static void row(StringBuilder html, Section section, boolean current) {
		String title = (section != null) ? section.title() : "All sections";
		html.append("<tr")
			.append(current ? " class=\"current\"" : "")
			.append((section != null && !section.isTopLevel()) ? " data-subsection=\"true\"" : "")
			.append("><th scope=\"row\">")
			.append(TickerPage.e(title))
			.append("</th>");
		for (Format format : FORMATS) {
			html.append("<td><a href=\"")
				.append(TickerPage.e(path(section, format)))
				.append("\" aria-label=\"")
				.append(TickerPage.e(title + " " + format.label()))
				.append("\">")
				.append(format.label())
				.append("</a></td>");
		}
		html.append("</tr>\n");
	}

}
