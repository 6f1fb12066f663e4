package news.herald.ticker;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import news.herald.article.Article;
import news.herald.feed.FeedScope;
import news.herald.safety.UrlPolicy;

/**
 * What the ticker page template shows, as plain values: the template escapes every one of
 * them, and links only keep http(s) URLs, so a headline can never become markup.
 */
record TickerPage(String title, String name, List<FeedDirectory.Alternate> alternates,
		List<FeedDirectory.Edition> editions, List<SectionLink> sections, String stream, long lastEventId,
		String family, List<Headline> headlines, boolean noHeadlines, List<String> formats,
		List<FeedDirectory.Row> feedRows, String snippet) {

	/** One link of the section navigation. */
	record SectionLink(String href, String title, boolean current, boolean subsection) {

	}

	/**
	 * One headline as the page lists it; {@code url} and {@code image} are safe or empty.
	 */
	record Headline(String id, long seq, String section, boolean linked, String url, String title, String sectionTitle,
			String publishedAt, String time, boolean summarised, String summary, boolean illustrated, String image) {

	}

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/**
	 * @param scopes the outlet followed by every section
	 * @param chosen the chosen section's scope, or the outlet's
	 * @param languages every language of the published articles
	 */
	static TickerPage of(List<FeedScope> scopes, FeedScope chosen, List<String> languages, List<Article> headlines,
			long lastEventId, String origin) {
		String name = chosen.isOutlet() ? "All sections" : chosen.section().title();
		String stream = chosen.isOutlet() ? "/stream" : "/stream/" + chosen.key();
		String family = chosen.isOutlet() ? "" : String.join(" ", chosen.sections());
		Map<String, String> titles = scopes.stream()
			.filter((scope) -> !scope.isOutlet())
			.collect(Collectors.toMap(FeedScope::key, (scope) -> scope.section().title()));
		String section = chosen.isOutlet() ? "" : " data-section=\"" + chosen.key() + "\"";
		String snippet = "<script src=\"" + origin + "/ticker.js\"" + section + " data-limit=\"10\"></script>";
		return new TickerPage(name + " — Herald live headlines", name, FeedDirectory.alternates(scopes, chosen),
				FeedDirectory.editions(chosen, languages), sectionLinks(scopes, chosen), stream, lastEventId, family,
				headlines.stream().map((article) -> headline(article, titles)).toList(), headlines.isEmpty(),
				FeedDirectory.labels(), FeedDirectory.rows(scopes, chosen), snippet);
	}

	/** Every section, to pick one instead of an unknown one. */
	static List<SectionLink> sectionLinks(List<FeedScope> scopes) {
		return scopes.stream()
			.filter((scope) -> !scope.isOutlet())
			.map((scope) -> new SectionLink(scope.homePath(), scope.section().title(), false, false))
			.toList();
	}

	private static List<SectionLink> sectionLinks(List<FeedScope> scopes, FeedScope chosen) {
		return scopes.stream()
			.map((scope) -> new SectionLink(scope.homePath(),
					scope.isOutlet() ? "All sections" : scope.section().title(), scope.key().equals(chosen.key()),
					!scope.isOutlet() && !scope.section().isTopLevel()))
			.toList();
	}

	private static Headline headline(Article article, Map<String, String> titles) {
		String url = UrlPolicy.WEB.allowed(article.url());
		String image = (article.image() != null) ? UrlPolicy.SECURE.allowed(article.image().url()) : null;
		boolean summarised = article.summary() != null && !article.summary().isBlank();
		return new Headline(article.id().toString(), (article.seq() != null) ? article.seq() : 0, article.section(),
				url != null, (url != null) ? url : "", (article.title() != null) ? article.title() : "",
				titles.getOrDefault(article.section(), article.section()), article.publishedAt().toString(),
				UTC_TIME.format(article.publishedAt()), summarised, summarised ? article.summary() : "", image != null,
				(image != null) ? image : "");
	}

}
