package news.herald.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article is in its life: held for an embargo, out, or withdrawn. */
public enum ArticleStatus {

	SCHEDULED, PUBLISHED, RETRACTED;

	@JsonValue
	public String dbName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ArticleStatus fromDbName(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
