package news.herald.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write.
 *
 * @param keys publisher keys as SHA-256 hex hashes, each optionally limited to sections:
 * {@code <sha256-hex>} or {@code <sha256-hex>:<section>|<section>}; when empty on the
 * embedded database a key is generated at start-up and logged once
 * @param writeOrigins browser origins allowed to write cross-origin (CORS); none by
 * default, reads are open to any origin
 */
@ConfigurationProperties("herald.security")
public record SecurityProperties(@DefaultValue List<String> keys, @DefaultValue List<String> writeOrigins) {

}
