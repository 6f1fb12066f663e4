package news.herald.section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The outlet's sections, held in memory. Sections are seeded by migration and change only
 * with a deployment, so every request (including a feed's 304) can resolve a section and
 * its subsections without a database round trip.
 */
@Component
public class SectionCatalog implements SmartInitializingSingleton {

	private final SectionRepository repository;

	private volatile Map<String, Section> sections = Map.of();

	private volatile List<Section> ordered = List.of();

	private volatile Map<String, Set<String>> families = Map.of();

	SectionCatalog(SectionRepository repository) {
		this.repository = repository;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Runs on the main thread before the server accepts requests.
		List<Section> all = this.repository.findAll().collectList().block(Duration.ofSeconds(30));
		Map<String, Section> bySlug = new LinkedHashMap<>();
		all.forEach((section) -> bySlug.put(section.slug(), section));
		this.sections = Collections.unmodifiableMap(bySlug);
		// Both are asked for on every request that names a section; compute them once.
		List<Section> ordered = new ArrayList<>();
		Map<String, Set<String>> families = new LinkedHashMap<>();
		for (Section section : bySlug.values()) {
			if (section.isTopLevel()) {
				ordered.add(section);
				ordered.addAll(children(section.slug()));
			}
			Set<String> family = new LinkedHashSet<>();
			collect(section.slug(), family);
			families.put(section.slug(), Collections.unmodifiableSet(family));
		}
		this.ordered = List.copyOf(ordered);
		this.families = Collections.unmodifiableMap(families);
	}

	/**
	 * Every section, top-level ones each followed by their subsections, in desk order.
	 */
	public List<Section> all() {
		return this.ordered;
	}

	public Optional<Section> find(String slug) {
		return Optional.ofNullable(this.sections.get(slug));
	}

	public Section get(String slug) {
		return find(slug).orElseThrow(() -> new SectionNotFoundException(slug));
	}

	public boolean exists(String slug) {
		return this.sections.containsKey(slug);
	}

	public List<Section> children(String slug) {
		return this.sections.values().stream().filter((section) -> slug.equals(section.parent())).toList();
	}

	/**
	 * The section and everything below it: what a feed or stream of that section carries.
	 * @throws SectionNotFoundException for an unknown slug
	 */
	public Set<String> family(String slug) {
		Set<String> family = this.families.get(slug);
		if (family == null) {
			throw new SectionNotFoundException(slug);
		}
		return family;
	}

	/** The section and its ancestors: every feed an article in it appears in. */
	public List<String> lineage(String slug) {
		List<String> lineage = new ArrayList<>();
		Section section = this.sections.get(slug);
		while (section != null && !lineage.contains(section.slug())) {
			lineage.add(section.slug());
			section = (section.parent() != null) ? this.sections.get(section.parent()) : null;
		}
		return lineage;
	}

	private void collect(String slug, Set<String> family) {
		if (family.add(slug)) {
			children(slug).forEach((child) -> collect(child.slug(), family));
		}
	}

}
