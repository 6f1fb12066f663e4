package news.herald.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import news.herald.section.Section;
import news.herald.section.SectionCatalog;
import news.herald.section.SectionNotFoundException;

/**
 * Every feed scope, resolved once from the in-memory section catalog so that a request
 * finds its scope with one map look-up.
 */
@Component
class FeedScopes {

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
	List<FeedScope> all() {
		return new ArrayList<>(scopes().values());
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
