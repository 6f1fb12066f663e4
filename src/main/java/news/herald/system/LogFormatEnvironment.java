package news.herald.system;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code HERALD_LOG_FORMAT=json} into Boot's structured console logging in the
 * Elastic Common Schema: one JSON object per line, which log collectors in a cluster read
 * without a parsing pattern, stack traces included. {@code plain} (the default) keeps the
 * pattern a person reads in a terminal. Runs before the logging system starts, which is
 * why this is not a configuration properties record.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

	static final String PROPERTY = "herald.log-format";

	private static final String SOURCE_NAME = "heraldLogFormat";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "plain").trim().toLowerCase(Locale.ROOT);
		switch (format) {
			case "", "plain" -> {
			}
			// added last: an explicit logging.structured.format.console still wins
			case "json" -> environment.getPropertySources()
				.addLast(new MapPropertySource(SOURCE_NAME, Map.of("logging.structured.format.console", "ecs")));
			default ->
				throw new IllegalArgumentException("HERALD_LOG_FORMAT must be 'plain' or 'json', got '" + format + "'");
		}
	}

}
