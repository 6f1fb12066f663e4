package news.herald.feed;

import java.util.Locale;
import java.util.Set;

import news.herald.section.Section;

/**
 * What one feed carries: the whole outlet, or a section with its subsections.
 *
 * @param key {@code ""} for the outlet, else the section slug; keys the validators
 * @param section the section, null for the outlet
 * @param sections the section and its subsections, null for the outlet (everything)
 */
public record FeedScope(String key, Section section, Set<String> sections) {

	static final String OUTLET = "";

	static final String OUTLET_TITLE = "Herald";

	static FeedScope outlet() {
		return new FeedScope(OUTLET, null, null);
	}

	public boolean isOutlet() {
		return this.section == null;
	}

	String title() {
		return isOutlet() ? OUTLET_TITLE : OUTLET_TITLE + " — " + this.section.title();
	}

	String description() {
		return isOutlet() ? "Every story from Herald, newest first" : this.section.description();
	}

	public String language() {
		return isOutlet() ? "en" : this.section.language();
	}

	/** Path of this scope's feed in a format, relative to the public base URL. */
	public String path(FeedFormat format) {
		return isOutlet() ? "/feeds/" + format.fileName() : "/feeds/" + this.key + "/" + format.fileName();
	}

	/**
	 * Path of this scope's feed in one language (a language edition), relative to the
	 * public base URL.
	 */
	public String editionPath(FeedFormat format, String language) {
		return path(format) + "?lang=" + language.toLowerCase(Locale.ROOT);
	}

	/** Path of the ticker page showing this scope, relative to the public base URL. */
	public String homePath() {
		return isOutlet() ? "/" : "/?section=" + this.key;
	}

}
