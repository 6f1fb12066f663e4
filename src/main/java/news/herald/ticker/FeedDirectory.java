package news.herald.ticker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import news.herald.feed.FeedFormat;
import news.herald.feed.FeedScope;

/**
 * Where the feeds of the outlet and of each section live, as the ticker page links to
 * them: a table for people and {@code <link rel="alternate">} tags for feed readers. The
 * names, types and paths are the feed package's own.
 */
final class FeedDirectory {

	/** One {@code <link rel="alternate">} tag. */
	record Alternate(String type, String title, String href) {

	}

	/** One language edition's {@code <link rel="alternate" hreflang>} tag. */
	record Edition(String type, String language, String title, String href) {

	}

	/** One row of the feed table. */
	record Row(String title, boolean current, boolean subsection, List<Link> links) {

	}

	/** One feed link of a row. */
	record Link(String href, String label, String ariaLabel) {

	}

	private FeedDirectory() {
	}

	/** The column headings of the feed table. */
	static List<String> labels() {
		return Arrays.stream(FeedFormat.values()).map(FeedFormat::label).toList();
	}

	/**
	 * Feed autodiscovery: the chosen scope's feeds first, because readers that take only
	 * one take the first, then the outlet's, then every other section's.
	 * @param scopes the outlet followed by every section
	 * @param chosen the chosen section's scope, or the outlet's
	 */
	static List<Alternate> alternates(List<FeedScope> scopes, FeedScope chosen) {
		List<Alternate> alternates = new ArrayList<>();
		addAlternates(alternates, chosen);
		for (FeedScope scope : scopes) {
			if (!scope.key().equals(chosen.key())) {
				addAlternates(alternates, scope);
			}
		}
		return alternates;
	}

	private static void addAlternates(List<Alternate> alternates, FeedScope scope) {
		String name = scope.isOutlet() ? "Herald — all sections" : "Herald — " + scope.section().title();
		for (FeedFormat format : FeedFormat.values()) {
			alternates.add(new Alternate(format.mediaType().toString(), name + " (" + format.label() + ")",
					scope.path(format)));
		}
	}

	/**
	 * The chosen scope's feed in each language the articles are in, the page's own
	 * language first: a reader that takes the first takes the page's.
	 * @param languages every language of the published articles
	 */
	static List<Edition> editions(FeedScope chosen, List<String> languages) {
		List<String> ordered = new ArrayList<>(languages.size());
		languages.stream().filter((language) -> language.equalsIgnoreCase(chosen.language())).forEach(ordered::add);
		languages.stream().filter((language) -> !language.equalsIgnoreCase(chosen.language())).forEach(ordered::add);
		String name = chosen.isOutlet() ? "Herald — all sections" : "Herald — " + chosen.section().title();
		List<Edition> editions = new ArrayList<>();
		for (String language : ordered) {
			for (FeedFormat format : FeedFormat.values()) {
				editions.add(new Edition(format.mediaType().toString(), language,
						name + " in " + language + " (" + format.label() + ")", chosen.editionPath(format, language)));
			}
		}
		return editions;
	}

	/** The table of every feed, the chosen scope's row marked. */
	static List<Row> rows(List<FeedScope> scopes, FeedScope chosen) {
		return scopes.stream().map((scope) -> row(scope, scope.key().equals(chosen.key()))).toList();
	}

	private static Row row(FeedScope scope, boolean current) {
		String title = scope.isOutlet() ? "All sections" : scope.section().title();
		List<Link> links = Arrays.stream(FeedFormat.values())
			.map((format) -> new Link(scope.path(format), format.label(), title + " " + format.label()))
			.toList();
		return new Row(title, current, !scope.isOutlet() && !scope.section().isTopLevel(), links);
	}

}
