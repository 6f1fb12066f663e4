package news.herald.feed;

import java.util.Locale;

import news.herald.article.ArticleFilter;
import news.herald.article.ArticleTaxonomy;

/**
 * A resolved feed: the outlet or a section, narrowed to a tag, an author and a language
 * when asked; what a page is rendered from.
 *
 * @param address where it is and its keys
 * @param scope the outlet or the section
 * @param tag the tag, null for every tag
 * @param author the author, null for every author
 * @param edition the language as articles spell it, null for every language
 */
record FeedSelection(FeedAddress address, FeedScope scope, ArticleTaxonomy.Term tag, ArticleTaxonomy.Term author,
		String edition) {

	static FeedSelection of(FeedScope scope) {
		return new FeedSelection(FeedAddress.of(scope.key()), scope, null, null, null);
	}

	String title() {
		StringBuilder title = new StringBuilder(this.scope.title());
		if (this.tag != null) {
			title.append(" — ").append(this.tag.name());
		}
		if (this.author != null) {
			title.append(" — ").append(this.author.name());
		}
		if (this.edition != null) {
			title.append(" (").append(this.edition).append(')');
		}
		return title.toString();
	}

	String description() {
		if (this.tag == null && this.author == null) {
			return this.scope.description();
		}
		StringBuilder description = new StringBuilder("Stories");
		if (this.tag != null) {
			description.append(" tagged ").append(this.tag.name());
		}
		if (this.author != null) {
			description.append(" by ").append(this.author.name());
		}
		description.append(this.scope.isOutlet() ? " from Herald" : " in " + this.scope.section().title());
		return description.append(", newest first").toString();
	}

	/** The feed's language: its edition's, else its section's. */
	String language() {
		return (this.edition != null) ? this.edition : this.scope.language();
	}

	/** Whether this is a whole outlet or section feed, narrowed by nothing. */
	boolean isWholeScope() {
		return this.tag == null && this.author == null && this.edition == null;
	}

	ArticleFilter filter() {
		return new ArticleFilter(this.scope.sections(), (this.tag != null) ? this.tag.names() : null,
				(this.author != null) ? this.author.names() : null,
				(this.edition != null) ? this.edition.toLowerCase(Locale.ROOT) : null);
	}

	String path(FeedFormat format) {
		return this.address.path(format);
	}

	String homePath() {
		return this.scope.homePath();
	}

}
