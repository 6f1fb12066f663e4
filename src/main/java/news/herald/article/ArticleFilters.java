package news.herald.article;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import news.herald.http.BadRequestException;

/**
 * The {@code tag}, {@code author} and {@code lang} filters of the article list, read as
 * the feeds read them: each at most once, a malformed value 400, an unknown one 404.
 */
final class ArticleFilters {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}");

	private final ArticleTaxonomy taxonomy;

	ArticleFilters(ArticleTaxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	ArticleFilter of(Set<String> sections, MultiValueMap<String, String> query) {
		ArticleTaxonomy.Term tag = term("tag", once(query, "tag"));
		ArticleTaxonomy.Term author = term("author", once(query, "author"));
		String language = language(once(query, "lang"));
		return new ArticleFilter(sections, (tag != null) ? tag.names() : null, (author != null) ? author.names() : null,
				language);
	}

	private static String once(MultiValueMap<String, String> query, String name) {
		List<String> values = query.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new BadRequestException(name, name + " may be given once.");
		}
		return values.get(0);
	}

	private ArticleTaxonomy.Term term(String parameter, String slug) {
		if (slug == null) {
			return null;
		}
		if (slug.length() > NameSlugs.MAX_LENGTH || !NameSlugs.SHAPE.matcher(slug).matches()) {
			throw new BadRequestException(parameter, parameter + " must be a slug: lower-case letters and digits "
					+ "joined by '-', as GET /api/" + parameter + "s lists them; got '" + slug + "'.");
		}
		ArticleTaxonomy.Term term = parameter.equals("tag") ? this.taxonomy.tag(slug) : this.taxonomy.author(slug);
		if (term == null) {
			throw new TaxonomyNotFoundException(parameter, slug);
		}
		return term;
	}

	private String language(String raw) {
		if (raw == null) {
			return null;
		}
		String lower = raw.toLowerCase(Locale.ROOT);
		if (lower.length() > 35 || !LANGUAGE.matcher(lower).matches()) {
			throw new BadRequestException("lang",
					"lang must be a BCP 47 language tag such as 'kk', 'ru' or 'en'; got '" + raw + "'.");
		}
		if (this.taxonomy.language(lower) == null) {
			throw new TaxonomyNotFoundException("lang", lower);
		}
		return lower;
	}

}
