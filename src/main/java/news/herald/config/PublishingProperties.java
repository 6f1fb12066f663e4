package news.herald.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom's write side.
 *
 * @param keys publisher keys as SHA-256 hex hashes, each optionally limited to sections:
 * {@code <sha256-hex>} or {@code <sha256-hex>:<section>|<section>}; when empty on the
 * embedded database a key is generated at start-up and logged once
 * @param writeOrigins browser origins allowed to write cross-origin (CORS); none by
 * default, reads are open to any origin
 * @param releaseInterval how often each instance looks for embargoed articles that are
 * due
 * @param releaseBatch how many due articles one release transaction takes at most
 */
@ConfigurationProperties("herald.publishing")
public record PublishingProperties(@DefaultValue List<String> keys, @DefaultValue List<String> writeOrigins,
		@DefaultValue("1s") Duration releaseInterval, @DefaultValue("100") int releaseBatch) {

}
