package news.herald.safety;

import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.select.NodeTraversor;

/**
 * How deeply a body's HTML nests. Feed readers and browsers recurse over the tree, so a
 * body 20,000 elements deep is a weapon, not an article. jsoup parses and traverses
 * without recursion, so measuring cannot overflow the stack either.
 */
public final class BodyDepth {

	/** Far deeper than any article's lists in quotes in figures. */
	public static final int MAX = 100;

	private BodyDepth() {
	}

	/** The deepest element's depth below the body, 0 for text only. */
	public static int of(String html) {
		if (html == null || html.isEmpty()) {
			return 0;
		}
		AtomicInteger deepest = new AtomicInteger();
		NodeTraversor.traverse((node, depth) -> deepest.accumulateAndGet(depth, Math::max),
				Jsoup.parseBodyFragment(html).body());
		return deepest.get();
	}

}
