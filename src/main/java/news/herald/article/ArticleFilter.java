package news.herald.article;

import java.util.Set;

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

}
