package news.herald.feed;

/**
 * The WebSub hub every feed announces, in its document and in a {@code Link} header. The
 * hub feature provides it; the feeds only say where it is.
 */
@FunctionalInterface
public interface FeedHub {

	/** A hub that no feed announces. */
	FeedHub NONE = (base) -> null;

	/**
	 * The hub's URL as seen from a public base URL, or null when the feeds announce no
	 * hub.
	 */
	String url(String base);

}
