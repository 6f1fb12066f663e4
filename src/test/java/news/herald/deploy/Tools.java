package news.herald.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the command-line tools a test needs. On a developer machine without one the test
 * is skipped with a message; with {@code HERALD_REQUIRE_TOOLS=true} (set by
 * {@code .ci/run}, which installs them) a missing tool fails the test instead.
 */
final class Tools {

	private Tools() {
	}

	static Path require(String command, String installHint) {
		Optional<Path> found = find(command);
		if (found.isPresent()) {
			return found.get();
		}
		String message = command + " is not on the PATH (" + installHint + ")";
		if (Boolean.parseBoolean(System.getenv("HERALD_REQUIRE_TOOLS"))) {
			throw new AssertionError(message + "; HERALD_REQUIRE_TOOLS=true makes this a failure");
		}
		Assumptions.abort(message + "; skipping");
		throw new IllegalStateException("unreachable");
	}

	static Optional<Path> find(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
