package news.herald.feed;

import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.atom.Link;

/**
 * Atom link elements: an Atom feed carries them natively, an RSS channel as
 * {@code atom:link}.
 */
final class AtomLinks {

	private AtomLinks() {
	}

	/**
	 * The links that place a page among its siblings (RFC 5005 {@code self},
	 * {@code first} unless it is this page, {@code next}) and announce the WebSub hub,
	 * typed as the page's own format.
	 */
	static List<Link> navigation(FeedPage page) {
		FeedPage.Links links = page.links();
		String type = page.format().mediaType().toString();
		List<Link> result = new ArrayList<>(4);
		result.add(link("self", links.self(), type));
		if (!links.first().equals(links.self())) {
			result.add(link("first", links.first(), type));
		}
		if (links.next() != null) {
			result.add(link("next", links.next(), type));
		}
		if (links.hub() != null) {
			result.add(link("hub", links.hub(), null));
		}
		return result;
	}

	static Link link(String rel, String href, String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

}
