package news.herald.feed;

import org.springframework.stereotype.Component;

import news.herald.article.ArticleTaxonomy;
import news.herald.article.TaxonomyNotFoundException;

/**
 * Resolves an address to the feed it names, from memory: the section catalog and the
 * directory of tags, authors and languages.
 */
@Component
class FeedSelections {

	private final FeedScopes scopes;

	private final ArticleTaxonomy taxonomy;

	FeedSelections(FeedScopes scopes, ArticleTaxonomy taxonomy) {
		this.scopes = scopes;
		this.taxonomy = taxonomy;
	}

	/**
	 * @throws TaxonomyNotFoundException for a tag, author or language no article has
	 */
	FeedSelection resolve(FeedAddress address) {
		FeedScope scope = address.scope().isEmpty() ? this.scopes.outlet() : this.scopes.section(address.scope());
		ArticleTaxonomy.Term tag = null;
		if (address.tag() != null) {
			tag = this.taxonomy.tag(address.tag());
			if (tag == null) {
				throw new TaxonomyNotFoundException("tag", address.tag());
			}
		}
		ArticleTaxonomy.Term author = null;
		if (address.author() != null) {
			author = this.taxonomy.author(address.author());
			if (author == null) {
				throw new TaxonomyNotFoundException("author", address.author());
			}
		}
		String edition = null;
		if (address.language() != null) {
			edition = this.taxonomy.language(address.language());
			if (edition == null) {
				throw new TaxonomyNotFoundException("lang", address.language());
			}
		}
		return new FeedSelection(address, scope, tag, author, edition);
	}

}
