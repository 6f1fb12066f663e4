package news.herald.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import news.herald.database.DatabaseEnvironment;
import news.herald.http.Sha256;

/**
 * The configured publisher keys, held only as SHA-256 hashes. A presented key is hashed
 * and compared with every configured hash in constant time, so neither the match nor its
 * position leaks through timing.
 */
@Component
public class PublisherKeys {

	private static final Log logger = LogFactory.getLog(PublisherKeys.class);

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern SECTION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final List<Entry> entries;

	private final Environment environment;

	private volatile String generated;

	PublisherKeys(SecurityProperties properties, Environment environment) {
		this.environment = environment;
		List<Entry> configured = parse(properties.keys());
		if (configured.isEmpty()
				&& environment.getProperty(DatabaseEnvironment.EMBEDDED_ACTIVE, Boolean.class, false)) {
			// Runs once while the context starts, on the main thread: SecureRandom may
			// block for entropy here, never on a reactor thread.
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			this.generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			configured = List.of(new Entry(Sha256.of(this.generated.getBytes(StandardCharsets.UTF_8)),
					new PublisherKey("generated key", Set.of())));
		}
		else if (configured.isEmpty()) {
			logger.warn("No publisher keys configured (HERALD_PUBLISHER_KEYS): every write will be refused with 401.");
		}
		this.entries = configured;
	}

	/** The key whose hash matches, if any. */
	public Optional<PublisherKey> find(String presented) {
		byte[] hash = Sha256.of(presented.getBytes(StandardCharsets.UTF_8));
		PublisherKey match = null;
		for (Entry entry : this.entries) {
			// No early exit: every configured hash is compared, whatever matches.
			if (MessageDigest.isEqual(entry.hash(), hash)) {
				match = entry.key();
			}
		}
		return Optional.ofNullable(match);
	}

	static List<Entry> parse(List<String> raw) {
		List<Entry> entries = new ArrayList<>();
		int position = 0;
		for (String item : raw) {
			position++;
			String entry = (item != null) ? item.strip() : "";
			if (entry.isEmpty()) {
				continue;
			}
			int colon = entry.indexOf(':');
			String hex = (colon >= 0) ? entry.substring(0, colon).strip() : entry;
			if (!SHA256_HEX.matcher(hex).matches()) {
				throw new IllegalStateException("HERALD_PUBLISHER_KEYS entry " + position
						+ " is not a SHA-256 hash of 64 hex digits; make one with: printf %s \"$KEY\" | sha256sum");
			}
			Set<String> sections = new LinkedHashSet<>();
			if (colon >= 0) {
				for (String section : entry.substring(colon + 1).split("\\|")) {
					String slug = section.strip();
					if (!SECTION.matcher(slug).matches()) {
						throw new IllegalStateException("HERALD_PUBLISHER_KEYS entry " + position
								+ " limits the key to '" + slug + "', which is not a section slug.");
					}
					sections.add(slug);
				}
			}
			String name = "key " + hex.substring(0, 8).toLowerCase() + "…";
			entries.add(new Entry(HexFormat.of().parseHex(hex), new PublisherKey(name, sections)));
		}
		return List.copyOf(entries);
	}

	/**
	 * Prints a generated key once, when the server is up and its port known, so a
	 * newcomer can publish straight away. The key itself is then forgotten; only its hash
	 * stays.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void announceGeneratedKey() {
		String key = this.generated;
		this.generated = null;
		if (key != null) {
			String port = this.environment.getProperty("local.server.port", "8080");
			logger.info("No HERALD_PUBLISHER_KEYS configured, so this run of the embedded database has a generated "
					+ "publisher key: " + key + System.lineSeparator()
					+ "    Publish with: curl -H 'Authorization: Bearer " + key
					+ "' -H 'Content-Type: application/json' -d @article.json http://localhost:" + port
					+ "/api/articles");
		}
	}

	record Entry(byte[] hash, PublisherKey key) {

	}

}
