package news.herald.ticker;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

import news.herald.article.Article;
import news.herald.section.Section;

/**
 * The HTML of the ticker page. Every value from the store goes through
 * {@link HtmlUtils#htmlEscape}, and links only keep http(s) URLs, so a headline can never
 * become markup.
 */
final class TickerPage {

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final List<Section> sections;

	private final Section chosen;

	private final Set<String> family;

	private final List<Article> headlines;

	private final long lastEventId;

	private final String origin;

	private final Map<String, String> titles;

	TickerPage(List<Section> sections, Section chosen, Set<String> family, List<Article> headlines, long lastEventId,
			String origin) {
		this.sections = sections;
		this.chosen = chosen;
		this.family = family;
		this.headlines = headlines;
		this.lastEventId = lastEventId;
		this.origin = origin;
		this.titles = sections.stream().collect(Collectors.toMap(Section::slug, Section::title));
	}

	String render() {
		String name = (this.chosen != null) ? this.chosen.title() : "All sections";
		StringBuilder html = new StringBuilder(16 * 1024);
		head(html, name + " — Herald live headlines");
		html.append(autodiscovery()).append("</head>\n<body>\n");
		masthead(html);
		html.append(
				"<main class=\"page\" id=\"main\">\n<h1 id=\"headlines-heading\">Latest headlines <span class=\"heading-section\">")
			.append(e(name))
			.append("</span></h1>\n");
		String stream = (this.chosen != null) ? "/stream/" + this.chosen.slug() : "/stream";
		String familyList = (this.family != null) ? String.join(" ", this.family) : "";
		html.append(
				"<ol id=\"headlines\" class=\"headlines\" aria-labelledby=\"headlines-heading\" aria-live=\"polite\"")
			.append(" aria-relevant=\"additions text\" data-stream=\"")
			.append(e(stream))
			.append("\" data-last-event-id=\"")
			.append(this.lastEventId)
			.append("\" data-sections=\"")
			.append(e(familyList))
			.append("\" data-max=\"50\">\n");
		this.headlines.forEach((article) -> headline(html, article));
		html.append("</ol>\n<p id=\"empty\" class=\"empty\"")
			.append(this.headlines.isEmpty() ? "" : " hidden")
			.append(">No headlines yet. New ones appear here as they are published.</p>\n")
			.append("<noscript><p class=\"empty\">New headlines appear live with JavaScript on; ")
			.append("without it, reload the page to see the latest.</p></noscript>\n</main>\n");
		FeedDirectory.render(html, this.sections, this.chosen);
		embedSnippet(html);
		html.append("<footer class=\"footer\"><p>Herald — live headlines for the newsroom. ")
			.append("<a href=\"/api/sections\">Sections API</a> · <a href=\"/api/articles\">Articles API</a></p></footer>\n")
			.append("</body>\n</html>\n");
		return html.toString();
	}

	static String sectionNotFound(String slug, List<Section> sections) {
		StringBuilder html = new StringBuilder(4096);
		head(html, "Section not found — Herald");
		html.append("</head>\n<body>\n<main class=\"page\" id=\"main\">\n<h1>There is no section “")
			.append(e(slug))
			.append("”</h1>\n<p>Pick one of these:</p>\n<ul class=\"section-list\">\n<li><a href=\"/\">All sections</a></li>\n");
		for (Section section : sections) {
			html.append("<li><a href=\"/?section=")
				.append(e(section.slug()))
				.append("\">")
				.append(e(section.title()))
				.append("</a></li>\n");
		}
		return html.append("</ul>\n</main>\n</body>\n</html>\n").toString();
	}

	private static void head(StringBuilder html, String title) {
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
			.append(e(title))
			.append("</title>\n<link rel=\"stylesheet\" href=\"/ticker-page.css\">\n")
			.append("<script src=\"/ticker-page.js\" defer></script>\n");
	}

	/**
	 * Feed autodiscovery: the chosen section's feeds first, because readers that take
	 * only one take the first, then the outlet's, then every other section's.
	 */
	private String autodiscovery() {
		StringBuilder links = new StringBuilder();
		if (this.chosen != null) {
			FeedDirectory.alternates(links, this.chosen);
		}
		FeedDirectory.alternates(links, null);
		this.sections.stream()
			.filter((section) -> this.chosen == null || !section.slug().equals(this.chosen.slug()))
			.forEach((section) -> FeedDirectory.alternates(links, section));
		links.append(
				"<link rel=\"outline\" type=\"text/x-opml\" title=\"Every Herald feed (OPML)\" href=\"/feeds.opml\">\n");
		return links.toString();
	}

	private void masthead(StringBuilder html) {
		html.append("<a class=\"skip-link\" href=\"#headlines\">Skip to headlines</a>\n")
			.append("<header class=\"masthead\">\n<div class=\"masthead-bar\">\n")
			.append("<a class=\"brand\" href=\"/\">Herald</a>\n")
			.append("<p id=\"connection\" class=\"connection\" data-state=\"connecting\" role=\"status\">")
			.append("<span class=\"connection-dot\" aria-hidden=\"true\"></span>")
			.append("<span class=\"connection-text\">Connecting…</span></p>\n</div>\n")
			.append("<nav class=\"sections\" aria-label=\"Sections\">\n<ul>\n");
		sectionLink(html, "/", "All sections", this.chosen == null, false);
		for (Section section : this.sections) {
			boolean current = this.chosen != null && this.chosen.slug().equals(section.slug());
			sectionLink(html, "/?section=" + section.slug(), section.title(), current, !section.isTopLevel());
		}
		html.append("</ul>\n</nav>\n</header>\n");
	}

	private static void sectionLink(StringBuilder html, String href, String title, boolean current,
			boolean subsection) {
		html.append("<li").append(subsection ? " class=\"subsection\"" : "").append("><a href=\"").append(e(href));
		html.append(current ? "\" aria-current=\"page\">" : "\">").append(e(title)).append("</a></li>\n");
	}

	private void headline(StringBuilder html, Article article) {
		html.append("<li class=\"headline\" data-id=\"")
			.append(e(article.id().toString()))
			.append("\" data-seq=\"")
			.append((article.seq() != null) ? article.seq() : 0)
			.append("\" data-section=\"")
			.append(e(article.section()))
			.append("\">\n<h2 class=\"headline-title\">");
		String url = safeUrl(article.url(), Set.of("http", "https"));
		if (url != null) {
			html.append("<a href=\"").append(e(url)).append("\">").append(e(article.title())).append("</a>");
		}
		else {
			html.append(e(article.title()));
		}
		html.append("</h2>\n<p class=\"headline-meta\"><span class=\"headline-section\">")
			.append(e(this.titles.getOrDefault(article.section(), article.section())))
			.append("</span> <time class=\"headline-time\" datetime=\"")
			.append(article.publishedAt())
			.append("\">")
			.append(UTC_TIME.format(article.publishedAt()))
			.append("</time></p>\n");
		if (article.summary() != null && !article.summary().isBlank()) {
			html.append("<p class=\"headline-summary\">").append(e(article.summary())).append("</p>\n");
		}
		String image = (article.image() != null) ? safeUrl(article.image().url(), Set.of("https")) : null;
		if (image != null) {
			html.append("<img class=\"headline-thumb\" src=\"")
				.append(e(image))
				.append("\" alt=\"\" loading=\"lazy\" decoding=\"async\" width=\"112\" height=\"75\">\n");
		}
		html.append("</li>\n");
	}

	private void embedSnippet(StringBuilder html) {
		String section = (this.chosen != null) ? " data-section=\"" + this.chosen.slug() + "\"" : "";
		String snippet = "<script src=\"" + this.origin + "/ticker.js\"" + section + " data-limit=\"10\"></script>";
		html.append("<section class=\"embed\" aria-labelledby=\"embed-heading\">\n")
			.append("<h2 id=\"embed-heading\">Put this ticker on your site</h2>\n")
			.append("<p>Paste this where the ticker should appear; restyle it with the <code>--herald-*</code> ")
			.append("CSS custom properties.</p>\n<pre class=\"snippet\"><code>")
			.append(e(snippet))
			.append("</code></pre>\n</section>\n");
	}

	/** The URL if it is absolute with one of the given schemes, else null. */
	static String safeUrl(String url, Set<String> schemes) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url.strip());
			String scheme = uri.getScheme();
			return (scheme != null && schemes.contains(scheme.toLowerCase(Locale.ROOT)) && uri.getHost() != null)
					? uri.toString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String e(String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value, "UTF-8") : "";
	}

}
