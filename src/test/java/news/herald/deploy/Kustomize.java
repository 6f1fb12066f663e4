package news.herald.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders a kustomization with {@code kubectl kustomize}, which needs no cluster. */
final class Kustomize {

	private Kustomize() {
	}

	static List<Map<String, Object>> render(Path kubectl, Path kustomization) throws IOException, InterruptedException {
		Path output = Files.createTempFile("kustomize-", ".yaml");
		Path errors = Files.createTempFile("kustomize-", ".err");
		try {
			Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
				.redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
						+ Files.readString(errors, StandardCharsets.UTF_8));
			}
			return documents(Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

}
