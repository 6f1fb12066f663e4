package news.herald.event;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to an article, as named on the wire ({@code event: published}). */
public enum ArticleEventType {

	PUBLISHED, UPDATED, RETRACTED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ArticleEventType fromWireName(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
