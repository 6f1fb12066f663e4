package news.herald.feed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import news.herald.article.NameSlugs;
import news.herald.http.BadRequestException;

/**
 * The query parameters of a feed: {@code tag}, {@code author}, {@code lang} (each at most
 * once), {@code limit} and {@code cursor}. Anything else is refused rather than ignored,
 * so a misspelt filter never silently serves the unfiltered feed.
 */
final class FeedQuery {

	static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8}){0,4}");

	private static final Set<String> KNOWN = Set.of("tag", "author", "lang", "limit", "cursor");

	private FeedQuery() {
	}

	/**
	 * The address a request names, filters checked for shape (not for existence).
	 * @throws BadRequestException for an unknown or repeated parameter or a value that
	 * cannot be a slug or a language tag
	 */
	static FeedAddress address(FeedAddress path, MultiValueMap<String, String> query) {
		for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
			String name = parameter.getKey();
			if (!KNOWN.contains(name)) {
				throw new BadRequestException(name, "Feeds take tag, author, lang, limit and cursor; '" + name
						+ "' is none of them. Leave it out.");
			}
			if (parameter.getValue().size() > 1 && !name.equals("limit") && !name.equals("cursor")) {
				throw new BadRequestException(name,
						name + " may be given once; a feed is narrowed by one " + name + " at a time.");
			}
		}
		String tag = slug("tag", query.getFirst("tag"), path.kind() == FeedAddress.Kind.TAG);
		String author = slug("author", query.getFirst("author"), path.kind() == FeedAddress.Kind.AUTHOR);
		String language = language(query.getFirst("lang"));
		return new FeedAddress(path.kind(), path.scope(), (tag != null) ? tag : path.tag(),
				(author != null) ? author : path.author(), language);
	}

	/** A slug from a path or a query, or a 400 saying what one looks like. */
	static String slug(String parameter, String raw) {
		if (raw == null) {
			return null;
		}
		if (raw.length() > NameSlugs.MAX_LENGTH || !NameSlugs.SHAPE.matcher(raw).matches()) {
			throw new BadRequestException(parameter, parameter + " must be a slug: lower-case letters and digits "
					+ "joined by '-', as GET /api/" + parameter + "s lists them; got '" + raw + "'.");
		}
		return raw;
	}

	private static String slug(String parameter, String raw, boolean inPath) {
		if (raw != null && inPath) {
			throw new BadRequestException(parameter, "This feed's path already names its " + parameter + "; use ?"
					+ parameter + "= on the outlet's or a section's feed instead.");
		}
		return slug(parameter, raw);
	}

	private static String language(String raw) {
		if (raw == null) {
			return null;
		}
		String lower = raw.toLowerCase(Locale.ROOT);
		if (lower.length() > 35 || !LANGUAGE.matcher(lower).matches()) {
			throw new BadRequestException("lang",
					"lang must be a BCP 47 language tag such as 'kk', 'ru' or 'en'; got '" + raw + "'.");
		}
		return lower;
	}

	/**
	 * The filters of a raw query string when it holds nothing but filters, each once,
	 * already in the form the keys use; null otherwise (the full rules then decide).
	 */
	static FeedAddress fastAddress(FeedAddress path, String rawQuery) {
		if (rawQuery == null) {
			return path;
		}
		String tag = null;
		String author = null;
		String language = null;
		for (String part : rawQuery.split("&", 4)) {
			int equals = part.indexOf('=');
			if (equals <= 0) {
				return null;
			}
			String name = part.substring(0, equals);
			String value = part.substring(equals + 1);
			switch (name) {
				case "tag" -> {
					if (tag != null || path.kind() == FeedAddress.Kind.TAG || !shapedSlug(value)) {
						return null;
					}
					tag = value;
				}
				case "author" -> {
					if (author != null || path.kind() == FeedAddress.Kind.AUTHOR || !shapedSlug(value)) {
						return null;
					}
					author = value;
				}
				case "lang" -> {
					if (language != null || value.length() > 35 || !LANGUAGE.matcher(value).matches()) {
						return null;
					}
					language = value;
				}
				default -> {
					return null;
				}
			}
		}
		return new FeedAddress(path.kind(), path.scope(), (tag != null) ? tag : path.tag(),
				(author != null) ? author : path.author(), language);
	}

	private static boolean shapedSlug(String value) {
		return value.length() <= NameSlugs.MAX_LENGTH && NameSlugs.SHAPE.matcher(value).matches();
	}

}
