package news.herald.audience;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of aggregators that say in their {@code User-Agent} how many of their
 * users follow a feed, and where they put the feed's id when they send one. An aggregator
 * not in the table that still reports a figure counts as {@code other}: the name stored
 * is always one of this table's, never a piece of the header.
 */
final class Aggregators {

	static final String OTHER = "other";

	/** "131 subscribers", "1 subscriber", "12 readers". */
	private static final Pattern SUBSCRIBERS = Pattern.compile("(\\d{1,9})\\s+(?:subscribers?|readers?)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final List<Aggregator> TABLE = List.of(
			// Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; )
			Aggregator.of("Feedly", "feedly", null),
			// Mozilla/5.0 (compatible; inoreader.com; 47 subscribers)
			Aggregator.of("Inoreader", "inoreader", null),
			// NewsBlur Feed Fetcher - 9 subscribers -
			// https://www.newsblur.com/site/6163234/…
			Aggregator.of("NewsBlur", "newsblur", "/site/(\\d+)"),
			// Feedbin feed-id:1373711 - 142 subscribers
			Aggregator.of("Feedbin", "feedbin", "feed-id:(\\d+)"),
			// Mozilla/5.0 (compatible; theoldreader.com; 5 subscribers; feed-id=5c82…)
			Aggregator.of("The Old Reader", "theoldreader", "feed-id=([0-9A-Za-z]+)"),
			// Mozilla/5.0 (compatible; BazQux/2.4; +https://bazqux.com/fetcher; 3
			// subscribers)
			Aggregator.of("BazQux", "bazqux", null),
			// Netvibes (crawler/1.0; https://www.netvibes.com/; 4 subscribers; feedID:
			// 39028473)
			Aggregator.of("Netvibes", "netvibes", "feedID:\\s*(\\d+)"),
			// Bloglovin/1.0 (rss fetcher; +http://www.bloglovin.com/; 13 subscribers)
			Aggregator.of("Bloglovin", "bloglovin", null),
			// Superfeedr bot/2.0 http://superfeedr.com - … - feed-id:1345322 - 2
			// subscribers
			Aggregator.of("Superfeedr", "superfeedr", "feed-id:(\\d+)"));

	private Aggregators() {
	}

	/**
	 * What an aggregator's {@code User-Agent} reports, or null when it reports no figure
	 * (a direct reader, a crawler, an aggregator that does not say).
	 */
	static Report parse(String userAgent) {
		if (userAgent == null || userAgent.length() > 1024 || !mentionsReaders(userAgent)) {
			return null;
		}
		Matcher count = SUBSCRIBERS.matcher(userAgent);
		if (!count.find()) {
			return null;
		}
		int subscribers = Integer.parseInt(count.group(1));
		String lower = userAgent.toLowerCase(java.util.Locale.ROOT);
		for (Aggregator aggregator : TABLE) {
			if (lower.contains(aggregator.token())) {
				return new Report(aggregator.name(), aggregator.feedId(userAgent), subscribers);
			}
		}
		return new Report(OTHER, "", subscribers);
	}

	/**
	 * Whether the header could hold a figure at all: a few intrinsic searches spare most
	 * requests, a direct reader's, the regular expression.
	 */
	private static boolean mentionsReaders(String userAgent) {
		return userAgent.indexOf("ubscriber") >= 0 || userAgent.indexOf("eader") >= 0
				|| userAgent.indexOf("UBSCRIBER") >= 0 || userAgent.indexOf("EADER") >= 0;
	}

	/** The names in the table, in its order. */
	static List<String> names() {
		return TABLE.stream().map(Aggregator::name).toList();
	}

	/**
	 * One aggregator's figure for one of its feed ids ({@code ""} when it sends none:
	 * then it fetches each feed URL once).
	 */
	record Report(String aggregator, String feedId, int subscribers) {

	}

	private record Aggregator(String name, String token, Pattern feedIdPattern) {

		static Aggregator of(String name, String token, String feedIdPattern) {
			return new Aggregator(name, token, (feedIdPattern != null) ? Pattern.compile(feedIdPattern) : null);
		}

		String feedId(String userAgent) {
			if (this.feedIdPattern == null) {
				return "";
			}
			Matcher matcher = this.feedIdPattern.matcher(userAgent);
			return (matcher.find() && matcher.group(1).length() <= 64) ? matcher.group(1) : "";
		}

	}

}
