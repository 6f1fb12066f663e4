package news.herald.safety;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Herald's one rule for the URLs it stores and hands out: absolute, with a host, with one
 * of the policy's schemes (http and https for pages, https alone for images) and nothing
 * the character rule refuses. A relative, scheme-less or {@code javascript:} URL would be
 * resolved against, or run in, whatever page a reader shows it in.
 */
public final class UrlPolicy {

	/** Links to pages: article URLs and sources. */
	public static final UrlPolicy WEB = of(Set.of("http", "https"));

	/** Images, which a reader loads without asking: https only. */
	public static final UrlPolicy SECURE = of(Set.of("https"));

	private final Set<String> schemes;

	private UrlPolicy(Set<String> schemes) {
		this.schemes = schemes;
	}

	/** A policy for the given schemes, in lower case. */
	public static UrlPolicy of(Set<String> schemes) {
		return new UrlPolicy(Set.copyOf(schemes));
	}

	/**
	 * The URL, without surrounding whitespace, if the policy allows it.
	 * @return the URL or null
	 */
	public String allowed(String url) {
		URI uri = uri(url);
		return (uri != null) ? uri.toString() : null;
	}

	/**
	 * The URL, without surrounding whitespace, as a URI if the policy allows it.
	 * @return the URI or null
	 */
	public URI uri(String url) {
		if (url == null) {
			return null;
		}
		String text = url.strip();
		if (text.isEmpty() || XmlCharacters.firstIllegal(text) >= 0) {
			return null;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			return (scheme != null && this.schemes.contains(scheme.toLowerCase(Locale.ROOT)) && uri.getHost() != null)
					? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/** The schemes for a person: "http or https". */
	public String describe() {
		return String.join(" or ", this.schemes.stream().sorted().toList());
	}

}
