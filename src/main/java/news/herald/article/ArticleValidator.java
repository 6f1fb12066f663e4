package news.herald.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import news.herald.section.SectionCatalog;
import news.herald.safety.BodyDepth;
import news.herald.safety.BodyHtmlSanitizer;
import news.herald.safety.LineCharacters;
import news.herald.safety.PlainText;
import news.herald.safety.UrlPolicy;
import news.herald.safety.XmlCharacters;

/**
 * The publishing rules: turns what the newsroom sent into an {@link ArticleDraft} that is
 * safe to store and to put in any feed, or reports every broken rule at once. Every
 * article goes through here, the demo newsroom included.
 * <p>
 * Characters the one character rule ({@link XmlCharacters}: what XML 1.0 cannot carry,
 * plus DEL and the C1 controls) refuses are refused in one-line fields (title, names,
 * tags, identifiers), where silently changing them would change meaning, and stripped
 * from prose (summary, body, caption). This is where content is cleaned, once: feeds
 * trust what is stored.
 */
@Component
class ArticleValidator {

	static final int MAX_TITLE = 300;

	static final int MAX_SUMMARY = 1_000;

	static final int MAX_TAGS = 20;

	static final int MAX_AUTHORS = 50;

	static final int MAX_URL = 2_048;

	static final int MAX_NAME = 300;

	static final int MAX_CAPTION = 1_000;

	/**
	 * Real BCP 47 tags are short; the cap also keeps a hostile tag from reaching the
	 * pattern, whose backtracking on thousands of subtags overflowed the stack.
	 */
	static final int MAX_LANGUAGE = 35;

	private static final Pattern SLUG = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}]+(-[\\p{Ll}\\p{Lo}\\p{N}]+)*");

	private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

	private final SectionCatalog sections;

	ArticleValidator(SectionCatalog sections) {
		this.sections = sections;
	}

	/**
	 * The draft to store.
	 * @throws InvalidArticleException listing every broken rule
	 */
	ArticleDraft validate(ArticleRequest request) {
		Errors errors = new Errors();
		String externalId = line(errors, "externalId", request.externalId(), false, 200);
		String slug = slug(errors, request.slug());
		String section = section(errors, request.section());
		String title = line(errors, "title", request.title(), true, MAX_TITLE);
		String summary = prose(errors, "summary", request.summary(), MAX_SUMMARY);
		String url = url(errors, "url", request.url(), true, UrlPolicy.WEB);
		int depth = BodyDepth.of(request.bodyHtml());
		if (depth > BodyDepth.MAX) {
			errors.add("bodyHtml", "nests " + depth + " levels deep; at most " + BodyDepth.MAX + " are allowed.");
		}
		String body = (depth <= BodyDepth.MAX) ? BodyHtmlSanitizer.clean(request.bodyHtml(), url) : null;
		List<String> authors = list(errors, "authors", request.authors(), MAX_AUTHORS, MAX_NAME);
		String language = language(errors, request.language());
		Article.Image image = image(errors, request.image());
		List<String> tags = list(errors, "tags", request.tags(), MAX_TAGS, 100);
		Article.Source source = source(errors, request.source());
		Instant publishedAt = instant(errors, "publishedAt", request.publishedAt());
		errors.throwIfAny();
		return new ArticleDraft(externalId, slug, section, title, (summary != null) ? summary : "", body, url, authors,
				language, image, tags, source, publishedAt);
	}

	private String section(Errors errors, String value) {
		if (value == null || value.isBlank()) {
			errors.add("section", "is required: one of " + slugs() + ".");
			return null;
		}
		if (!this.sections.exists(value)) {
			errors.add("section", "'" + value + "' is not a section; use one of " + slugs() + ".");
			return null;
		}
		return value;
	}

	private String slugs() {
		return String.join(", ", this.sections.all().stream().map((s) -> s.slug()).toList());
	}

	private static String slug(Errors errors, String value) {
		if (value == null) {
			return null;
		}
		if (value.length() > 80 || !SLUG.matcher(value).matches() || Article.ID_SHAPE.matcher(value).matches()) {
			errors.add("slug", "must be 1 to 80 lower-case letters or digits in words joined by '-', "
					+ "and not look like an id, e.g. 'putin-meets-al-sharaa'.");
			return null;
		}
		return value;
	}

	/**
	 * A one-line field: surrounding whitespace trimmed, refused characters refused.
	 */
	private static String line(Errors errors, String field, String value, boolean required, int max) {
		String text = (value != null) ? value.strip() : null;
		if (text == null || text.isEmpty()) {
			if (required) {
				errors.add(field, "is required and must not be blank.");
			}
			return null;
		}
		int illegal = XmlCharacters.firstIllegal(text);
		if (illegal >= 0) {
			errors.add(field, "contains " + XmlCharacters.describe(text, illegal) + " at position " + illegal
					+ ", a character feeds cannot carry.");
			return null;
		}
		int directional = LineCharacters.firstDirectionalControl(text);
		if (directional >= 0) {
			errors.add(field, "contains the bidirectional control " + XmlCharacters.describe(text, directional)
					+ " at position " + directional + ", which makes the line read differently from what it says.");
			return null;
		}
		if (!LineCharacters.hasVisible(text)) {
			errors.add(field, "has only invisible characters (zero-width, format or combining characters).");
			return null;
		}
		PlainText.Markup markup = PlainText.firstMarkup(text);
		if (markup != null) {
			errors.add(field, "contains " + markup.description() + " at position " + markup.position()
					+ ": it is plain text, shown as written in every feed; send the words as they should read.");
			return null;
		}
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			errors.add(field, "must be at most " + max + " characters, got " + length + ".");
			return null;
		}
		return text;
	}

	/** Prose: refused characters are dropped rather than refused. */
	private static String prose(Errors errors, String field, String value, int max) {
		if (value == null) {
			return null;
		}
		String text = XmlCharacters.strip(value).strip();
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			errors.add(field, "must be at most " + max + " characters, got " + length + ".");
			return null;
		}
		return text;
	}

	private static String url(Errors errors, String field, String value, boolean required, UrlPolicy policy) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "is required: an absolute " + policy.describe() + " URL.");
			}
			return null;
		}
		String text = value.strip();
		String url = (text.length() <= MAX_URL) ? policy.allowed(text) : null;
		if (url == null) {
			errors.add(field, "must be an absolute " + policy.describe() + " URL, e.g. https://news.example/path; got '"
					+ abbreviate(text) + "'.");
		}
		return url;
	}

	private static List<String> list(Errors errors, String field, List<String> values, int maxItems, int maxLength) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > maxItems) {
			errors.add(field, "must have at most " + maxItems + " entries, got " + values.size() + ".");
			return List.of();
		}
		Set<String> items = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String item = line(errors, field + "[" + i + "]", values.get(i), true, maxLength);
			if (item != null) {
				items.add(item);
			}
		}
		return List.copyOf(items);
	}

	private static String language(Errors errors, String value) {
		if (value == null || value.isBlank()) {
			return "en";
		}
		String tag = value.strip();
		if (tag.length() > MAX_LANGUAGE || !LANGUAGE.matcher(tag).matches()) {
			errors.add("language", "must be a BCP 47 language tag of at most " + MAX_LANGUAGE
					+ " characters such as 'en', 'ru' or 'kk-KZ'.");
			return null;
		}
		return Locale.forLanguageTag(tag).toLanguageTag();
	}

	private static Article.Image image(Errors errors, ArticleRequest.Image image) {
		if (image == null) {
			return null;
		}
		String url = url(errors, "image.url", image.url(), true, UrlPolicy.SECURE);
		String caption = prose(errors, "image.caption", image.caption(), MAX_CAPTION);
		String credit = line(errors, "image.credit", image.credit(), false, MAX_NAME);
		String license = line(errors, "image.license", image.license(), false, 200);
		return (url != null) ? new Article.Image(url, emptyToNull(caption), credit, license) : null;
	}

	private static Article.Source source(Errors errors, ArticleRequest.Source source) {
		if (source == null) {
			return null;
		}
		String name = line(errors, "source.name", source.name(), false, MAX_NAME);
		String url = url(errors, "source.url", source.url(), false, UrlPolicy.WEB);
		return (name != null || url != null) ? new Article.Source(name, url) : null;
	}

	/** An ISO-8601 instant with a zone offset; absent means "now" (or unchanged). */
	private static Instant instant(Errors errors, String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			Instant instant = OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			int year = instant.atOffset(java.time.ZoneOffset.UTC).getYear();
			if (year < 1 || year > 9999) {
				errors.add(field, "must be between the years 1 and 9999.");
				return null;
			}
			// PostgreSQL keeps microseconds; store what we will return.
			return instant.truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeException ex) {
			errors.add(field, "must be an ISO-8601 instant with a zone offset, e.g. 2025-10-14T09:30:00Z; got '"
					+ abbreviate(value) + "'.");
			return null;
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String abbreviate(String value) {
		String printable = XmlCharacters.strip(value);
		return (printable.length() > 80) ? printable.substring(0, 80) + "…" : printable;
	}

	/** Collects every broken rule so the newsroom can fix them all in one go. */
	private static final class Errors {

		private final List<InvalidArticleException.FieldError> errors = new ArrayList<>();

		void add(String field, String message) {
			this.errors.add(new InvalidArticleException.FieldError(field, message));
		}

		void throwIfAny() {
			if (!this.errors.isEmpty()) {
				throw new InvalidArticleException(this.errors);
			}
		}

	}

}
