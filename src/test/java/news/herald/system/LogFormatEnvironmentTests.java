package news.herald.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LogFormatEnvironmentTests {

	@Test
	void jsonSelectsStructuredEcsLogging() {
		assertThat(structuredFormat(Map.of("herald.log-format", "json"))).isEqualTo("ecs");
		assertThat(structuredFormat(Map.of("herald.log-format", " JSON "))).isEqualTo("ecs");
	}

	@Test
	void plainOrNothingKeepsThePattern() {
		assertThat(structuredFormat(Map.of("herald.log-format", "plain"))).isNull();
		assertThat(structuredFormat(Map.of())).isNull();
	}

	@Test
	void anExplicitStructuredFormatWins() {
		assertThat(
				structuredFormat(Map.of("herald.log-format", "json", "logging.structured.format.console", "logstash")))
			.isEqualTo("logstash");
	}

	@Test
	void anUnknownFormatStopsStartUpNamingTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> structuredFormat(Map.of("herald.log-format", "xml")))
			.withMessageContaining("HERALD_LOG_FORMAT")
			.withMessageContaining("xml");
	}

	private static String structuredFormat(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new LogFormatEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("logging.structured.format.console");
	}

}
