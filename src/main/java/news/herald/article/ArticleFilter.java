package news.herald.article;

import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which published articles a list or feed holds; every part null means no restriction.
 *
 * @param sections the section and its subsections
 * @param tags every stored spelling of one tag slug
 * @param authors every stored spelling of one author slug
 * @param language a language tag in lower case
 */
public record ArticleFilter(Set<String> sections, Set<String> tags, Set<String> authors, String language) {

	public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null);

	public static ArticleFilter sections(Set<String> sections) {
		return new ArticleFilter(sections, null, null, null);
	}

	/**
	 * Binds the parts that are set to {@code :sections}, {@code :tags}, {@code :authors}
	 * and {@code :language}, the names every query over a filter uses.
	 */
	public GenericExecuteSpec bind(GenericExecuteSpec spec) {
		if (this.sections != null) {
			spec = spec.bind("sections", this.sections.toArray(String[]::new));
		}
		if (this.tags != null) {
			spec = spec.bind("tags", this.tags.toArray(String[]::new));
		}
		if (this.authors != null) {
			spec = spec.bind("authors", this.authors.toArray(String[]::new));
		}
		if (this.language != null) {
			spec = spec.bind("language", this.language);
		}
		return spec;
	}

}
