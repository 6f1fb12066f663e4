package news.herald.article;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.Transliterator;

import news.herald.http.Sha256;

/**
 * The slug of a tag or an author's name: ASCII, so {@code /feeds/tags/ekonomika/} reads
 * the same in every reader, and stable, as a feed's address must be. Cyrillic is
 * transliterated by ICU's BGN/PCGN romanisation for Kazakh (a superset of Russian's
 * alphabet: "Әйгерім" is "aigerim", "Бюджет" "byudzhet"), other scripts by ICU's
 * Any-Latin; a name with nothing to transliterate (emoji, punctuation) gets a slug from
 * its hash. Different names may share a slug ("Economy", "economy"): the slug then stands
 * for all of them.
 */
public final class NameSlugs {

	/** What a tag or author slug in a URL must look like. */
	public static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public static final int MAX_LENGTH = 80;

	private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

	private static final Transliterator LATIN = Transliterator.getInstance("Kazakh-Latin/BGN; Any-Latin; Latin-ASCII");

	private static final Cache<String, String> SLUGS = Caffeine.newBuilder().maximumSize(100_000).build();

	private NameSlugs() {
	}

	/**
	 * ICU loads each script's rules from its jar the first time it meets the script; load
	 * the scripts a newsroom writes in now, on the thread that starts the application,
	 * rather than on an event-loop thread later.
	 */
	static void warmUp() {
		slug("Қазақстан Россия Ελλάδα العربية עברית 中文 日本語 ひらがな 한국어 हिन्दी ไทย ქართული Հայաստան");
	}

	public static String of(String name) {
		return SLUGS.get(name, NameSlugs::slug);
	}

	private static String slug(String name) {
		String latin;
		// ICU's transliterators keep state while they run; one at a time.
		synchronized (LATIN) {
			latin = LATIN.transliterate(name);
		}
		String slug = SEPARATORS.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll("-");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH);
		}
		slug = slug.replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "n-" + Sha256.hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 12) : slug;
	}

}
