package news.herald.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.herald.deploy.Dockerfile.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's shape, read from the {@code Dockerfile}: what it runs is checked by
 * {@link ContainerImageIntegrationTests}, how it is built is checked here.
 */
class DockerfileTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private final Dockerfile dockerfile = read();

	@Test
	void buildsWithTheWrapperResolvingDependenciesBeforeTheSourcesArrive() {
		Stage build = this.dockerfile.stages().get(0);
		List<Dockerfile.Instruction> steps = build.instructions();
		int dependencies = indexOf(steps, "RUN", "./mvnw -B -q dependency:go-offline");
		int sources = indexOf(steps, "COPY", "src/main");
		int packaging = indexOf(steps, "RUN", "./mvnw -B -q package");
		assertThat(indexOf(steps, "COPY", "pom.xml")).isLessThan(dependencies);
		assertThat(dependencies).as("the dependency layer is cached until the pom changes").isLessThan(sources);
		assertThat(sources).isLessThan(packaging);
		assertThat(build.run("-Djarmode=tools")).containsSequence("extract", "--layers", "--launcher");
	}

	@Test
	void runsOnAJreAsANumericNonRootUserWithoutBuildTools() {
		Stage runtime = this.dockerfile.runtime();
		assertThat(this.dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(runtime.image()).contains("17-jre");
		assertThat(runtime.user()).matches("[1-9][0-9]*");
		// only the extracted layers come into the image: no sources, no Maven, no JDK
		assertThat(runtime.copies()).isNotEmpty().allSatisfy((copy) -> {
			assertThat(copy.from()).isEqualTo(this.dockerfile.stages().get(0).name());
			assertThat(copy.source()).contains("/extracted/");
		});
		assertThat(runtime.copies()).extracting(Dockerfile.Copy::source)
			.extracting((source) -> source.replaceAll(".*/extracted/", ""))
			.containsExactly("dependencies/", "spring-boot-loader/", "snapshot-dependencies/", "application/");
		assertThat(String.join("\n", runtime.arguments("RUN"))).doesNotContain("mvnw", "apt-get install");
		assertThat(runtime.exposedPorts()).contains(8080);
	}

	@Test
	void theJvmBoundsItsMemoryWithinTheContainerAndDiesOnOutOfMemory() {
		Stage runtime = this.dockerfile.runtime();
		List<String> entrypoint = runtime.entrypoint();
		assertThat(entrypoint.get(0)).isEqualTo("java");
		assertThat(entrypoint.get(entrypoint.size() - 1))
			.isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
		// heap from the container's limit, and the direct buffers bounded: unbounded they
		// may grow as large as the heap, and the kernel kills the pod past its limit
		assertThat(entrypoint).anyMatch((flag) -> flag.startsWith("-XX:MaxRAMPercentage="))
			.anyMatch((flag) -> flag.startsWith("-XX:MaxDirectMemorySize="))
			.contains("-XX:+ExitOnOutOfMemoryError")
			.noneMatch((flag) -> flag.startsWith("-Xmx"));
	}

	@Test
	void theJvmFlagsAreOnTheCommandLineSoNothingButJsonReachesTheLog() {
		// JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS make the JVM print "Picked up ...", a
		// line
		// that is not JSON; flags on the command line print nothing
		assertThat(this.dockerfile.runtime().env()).doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
				"JAVA_OPTS");
		assertThat(this.dockerfile.runtime().entrypoint()).anyMatch((flag) -> flag.startsWith("-XX:"));
	}

	@Test
	void baseImagesArePinnedByDigest() {
		assertThat(this.dockerfile.stages()).extracting(Stage::image)
			.allSatisfy((image) -> assertThat(image).matches("[^@\\s]+:[^@\\s]+@sha256:[0-9a-f]{64}"));
	}

	@Test
	void theBuildContextLeavesOutEverythingButWhatTheBuildNeeds() throws IOException {
		List<String> rules = Files.readAllLines(PROJECT.resolve(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(rules.get(0)).as("everything is excluded first").isEqualTo("*");
		assertThat(rules.subList(1, rules.size())).containsExactlyInAnyOrder("!mvnw", "!pom.xml", "!.mvn/",
				"!src/main/");
	}

	private static int indexOf(List<Dockerfile.Instruction> steps, String keyword, String text) {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).keyword().equals(keyword) && steps.get(i).arguments().contains(text)) {
				return i;
			}
		}
		throw new AssertionError("no " + keyword + " with '" + text + "' in " + steps);
	}

	private static Dockerfile read() {
		try {
			return Dockerfile.read(PROJECT.resolve("Dockerfile"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
