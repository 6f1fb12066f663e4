package news.herald.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All of Herald's configuration is by environment variables, each documented in the
 * README's configuration table: an operator reads one table, not the source.
 */
class ConfigurationTableTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	@Test
	void everyVariableOfApplicationYamlIsInTheReadmeTable() throws IOException {
		Set<String> read = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(PROJECT.resolve("src/main/resources/application.yaml")));
		while (matcher.find()) {
			read.add(matcher.group(1));
		}
		assertThat(read).as("variables in application.yaml").isNotEmpty();
		assertThat(ConfigurationTable.documented(PROJECT.resolve("README.md"))).containsAll(read);
	}

	@Test
	void theImageEnvironmentIsInTheReadmeTable() throws IOException {
		Set<String> image = Dockerfile.read(PROJECT.resolve("Dockerfile")).runtime().env().keySet();
		assertThat(ConfigurationTable.documented(PROJECT.resolve("README.md"))).containsAll(image);
	}

}
