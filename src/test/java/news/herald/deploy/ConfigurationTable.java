package news.herald.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables documented in the README's one configuration table. */
final class ConfigurationTable {

	private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

	private ConfigurationTable() {
	}

	static Set<String> documented(Path readme) throws IOException {
		String text = Files.readString(readme);
		int start = text.indexOf("\n## Configuration\n");
		if (start < 0) {
			throw new IllegalStateException("README has no '## Configuration' section");
		}
		int end = text.indexOf("\n## ", start + 1);
		Set<String> variables = new TreeSet<>();
		for (String line : text.substring(start, (end < 0) ? text.length() : end).split("\n")) {
			if (line.startsWith("| `")) {
				// the variables are in the first column
				Matcher matcher = VARIABLE.matcher(line.split("\\|")[1]);
				while (matcher.find()) {
					variables.add(matcher.group(1));
				}
			}
		}
		return variables;
	}

}
