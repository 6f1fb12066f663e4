package news.herald.section;

/**
 * A desk of the outlet. Top-level sections ({@code regional}, {@code world}) have no
 * parent; a parent's feeds and streams include its subsections.
 */
public record Section(String slug, String title, String description, String parent, String language, int position) {

	public boolean isTopLevel() {
		return this.parent == null;
	}

}
