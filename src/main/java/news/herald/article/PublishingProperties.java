package news.herald.article;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom's write side.
 *
 * @param releaseInterval how often each instance looks for embargoed articles that are
 * due
 * @param releaseBatch how many due articles one release transaction takes at most
 * @param demoContent load the demo newsroom into an empty store; defaults to on for the
 * embedded database and off for an external one
 */
@ConfigurationProperties("herald.publishing")
public record PublishingProperties(@DefaultValue("1s") Duration releaseInterval, @DefaultValue("100") int releaseBatch,
		Boolean demoContent) {

}
