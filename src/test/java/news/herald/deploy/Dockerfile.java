package news.herald.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's top-level {@code Dockerfile}, read the way Docker reads the simple forms
 * it uses: instructions with {@code \} continuations, stages, {@code ENV key=value} pairs
 * and exec-form {@code ENTRYPOINT}. Tests take the image's facts from here so that they
 * cannot drift from the file.
 */
final class Dockerfile {

	private final List<Stage> stages;

	private Dockerfile(List<Stage> stages) {
		this.stages = stages;
	}

	static Dockerfile read(Path path) throws IOException {
		List<Stage> stages = new ArrayList<>();
		for (String line : logicalLines(Files.readAllLines(path))) {
			String[] parts = line.split("\\s+", 2);
			String keyword = parts[0].toUpperCase();
			String arguments = (parts.length > 1) ? parts[1].strip() : "";
			if (keyword.equals("FROM")) {
				String[] from = arguments.split("\\s+");
				String name = (from.length == 3 && from[1].equalsIgnoreCase("AS")) ? from[2] : null;
				stages.add(new Stage(from[0], name, new ArrayList<>()));
			}
			else if (!stages.isEmpty()) {
				stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
			}
		}
		return new Dockerfile(stages);
	}

	/** The stage the image is made of. */
	Stage runtime() {
		return this.stages.get(this.stages.size() - 1);
	}

	Stage stage(String name) {
		return this.stages.stream()
			.filter((stage) -> name.equals(stage.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no stage named " + name));
	}

	List<Stage> stages() {
		return this.stages;
	}

	private static List<String> logicalLines(List<String> physical) {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : physical) {
			String stripped = line.strip();
			if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
				continue;
			}
			if (stripped.startsWith("#")) {
				continue;
			}
			if (stripped.endsWith("\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			current.append(stripped);
			lines.add(current.toString().strip());
			current.setLength(0);
		}
		if (!current.isEmpty()) {
			lines.add(current.toString().strip());
		}
		return lines;
	}

	record Instruction(String keyword, String arguments) {
	}

	record Copy(String from, String source, String destination) {
	}

	record Stage(String image, String name, List<Instruction> instructions) {

		List<String> arguments(String keyword) {
			return this.instructions.stream()
				.filter((instruction) -> instruction.keyword().equals(keyword))
				.map(Instruction::arguments)
				.toList();
		}

		String workdir() {
			List<String> workdirs = arguments("WORKDIR");
			return workdirs.isEmpty() ? "/" : workdirs.get(workdirs.size() - 1);
		}

		String user() {
			List<String> users = arguments("USER");
			return users.isEmpty() ? "root" : users.get(users.size() - 1);
		}

		List<Integer> exposedPorts() {
			return arguments("EXPOSE").stream()
				.flatMap((ports) -> List.of(ports.split("\\s+")).stream())
				.map((port) -> Integer.parseInt(port.replace("/tcp", "")))
				.toList();
		}

		/** Every {@code ENV} of this stage, in order; only the {@code key=value} form. */
		Map<String, String> env() {
			Map<String, String> env = new LinkedHashMap<>();
			for (String arguments : arguments("ENV")) {
				for (String pair : words(arguments)) {
					int equals = pair.indexOf('=');
					if (equals < 1) {
						throw new IllegalStateException("ENV must use key=value pairs, got: " + arguments);
					}
					env.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
			return env;
		}

		/** The exec-form entrypoint; the shell form would lose signals. */
		List<String> entrypoint() {
			List<String> entrypoints = arguments("ENTRYPOINT");
			if (entrypoints.size() != 1 || !entrypoints.get(0).startsWith("[")) {
				throw new IllegalStateException("expected one exec-form ENTRYPOINT, got " + entrypoints);
			}
			return JsonMapper.shared().readValue(entrypoints.get(0), new TypeReference<List<String>>() {
			});
		}

		List<Copy> copies() {
			List<Copy> copies = new ArrayList<>();
			for (String arguments : arguments("COPY")) {
				List<String> words = words(arguments);
				String from = null;
				List<String> paths = new ArrayList<>();
				for (String word : words) {
					if (word.startsWith("--from=")) {
						from = word.substring("--from=".length());
					}
					else if (!word.startsWith("--")) {
						paths.add(word);
					}
				}
				for (String source : paths.subList(0, paths.size() - 1)) {
					copies.add(new Copy(from, source, paths.get(paths.size() - 1)));
				}
			}
			return copies;
		}

		/**
		 * The one {@code RUN} whose command contains the given text, split into words.
		 */
		List<String> run(String containing) {
			List<String> runs = arguments("RUN").stream().filter((run) -> run.contains(containing)).toList();
			if (runs.size() != 1) {
				throw new IllegalStateException("expected one RUN with '" + containing + "', got " + runs);
			}
			return words(runs.get(0));
		}

	}

	/**
	 * Splits on blanks, honouring double quotes (which are removed) as the shell does.
	 */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				inWord = true;
			}
			else if (c == '\\' && quoted && i + 1 < text.length()) {
				word.append(text.charAt(++i));
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (quoted) {
			throw new IllegalStateException("unbalanced quote in: " + text);
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
