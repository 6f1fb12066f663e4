package news.herald.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import news.herald.event.ArticleEvent;
import news.herald.section.Section;
import news.herald.section.SectionCatalog;
import news.herald.section.SectionNotFoundException;

/**
 * Every feed scope, resolved once from the in-memory section catalog so that a request
 * finds its scope with one map look-up.
 */
@Component
public class FeedScopes {

	private final SectionCatalog catalog;

	private volatile Map<String, FeedScope> scopes;

	FeedScopes(SectionCatalog catalog) {
		this.catalog = catalog;
	}

	FeedScope outlet() {
		return scopes().get(FeedScope.OUTLET);
	}

	/**
	 * @throws SectionNotFoundException for an unknown slug
	 */
	FeedScope section(String slug) {
		FeedScope scope = scopes().get(slug);
		if (scope == null || scope.isOutlet()) {
			throw new SectionNotFoundException(slug);
		}
		return scope;
	}

	/** The outlet followed by every section in desk order. */
	public List<FeedScope> all() {
		return new ArrayList<>(scopes().values());
	}

	/** The scope with this key (the outlet's or a section's slug), null if none. */
	FeedScope byKey(String key) {
		return scopes().get(key);
	}

	/**
	 * Keys of every scope an event changed: those of the article's section and of the
	 * section it moved out of, the outlet first.
	 */
	Set<String> affectedBy(ArticleEvent event) {
		Set<String> keys = new LinkedHashSet<>(affectedBy(event.section()));
		if (event.previousSection() != null) {
			keys.addAll(affectedBy(event.previousSection()));
		}
		return keys;
	}

	/** Keys of every scope an article in this section appears in, the outlet first. */
	List<String> affectedBy(String section) {
		List<String> keys = new ArrayList<>();
		keys.add(FeedScope.OUTLET);
		if (section != null) {
			keys.addAll(this.catalog.lineage(section));
		}
		return keys;
	}

	private Map<String, FeedScope> scopes() {
		Map<String, FeedScope> scopes = this.scopes;
		if (scopes == null) {
			// Sections change only with a deployment; the catalog is in memory.
			scopes = new LinkedHashMap<>();
			scopes.put(FeedScope.OUTLET, FeedScope.outlet());
			for (Section section : this.catalog.all()) {
				scopes.put(section.slug(), new FeedScope(section.slug(), section, this.catalog.family(section.slug())));
			}
			if (scopes.size() > 1) {
				this.scopes = scopes;
			}
		}
		return scopes;
	}

}
