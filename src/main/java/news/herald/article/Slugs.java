package news.herald.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe, human-readable slugs from headlines, in any script. */
final class Slugs {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	static String of(String title) {
		String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
		String slug = SEPARATORS.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("-");
		slug = Normalizer.normalize(slug, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH);
		}
		slug = slug.replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "article" : slug;
	}

}
