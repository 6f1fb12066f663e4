package news.herald.security;

import java.util.Collection;
import java.util.Set;

/**
 * Who is writing: one configured publisher key, identified in logs by the start of its
 * hash (never by the key itself).
 *
 * @param name how logs and problems refer to the key
 * @param sections the sections the key may write to, with their subsections; empty means
 * every section
 */
public record PublisherKey(String name, Set<String> sections) {

	public PublisherKey {
		sections = Set.copyOf(sections);
	}

	/**
	 * Whether this key may write to a section, given the section's lineage (the section
	 * and its ancestors): a key for {@code world} also covers {@code russia}.
	 */
	public boolean covers(Collection<String> lineage) {
		return this.sections.isEmpty() || lineage.stream().anyMatch(this.sections::contains);
	}

	/** Throws a 403 problem unless this key may write to the section. */
	public void checkSection(String section, Collection<String> lineage) {
		if (!covers(lineage)) {
			throw new SectionForbiddenException(this, section);
		}
	}

}
