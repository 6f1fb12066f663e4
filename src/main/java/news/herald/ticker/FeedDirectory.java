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
