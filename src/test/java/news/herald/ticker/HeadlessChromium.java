package news.herald.ticker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.opentest4j.AssertionFailedError;

/**
 * Debian's Chromium driven through its chromedriver, both found by path so that Selenium
 * never looks for (or downloads) a browser of its own. Where they are missing the tests
 * are skipped ({@link Required}), unless {@code HERALD_REQUIRE_BROWSER=true} (CI) makes
 * that a failure.
 */
public final class HeadlessChromium implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Path CHROMIUM = Path.of(env("HERALD_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(env("HERALD_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Skips a test class when there is no browser to drive, before its application
	 * context starts, saying why; fails it instead when
	 * {@code HERALD_REQUIRE_BROWSER=true}.
	 */
	public static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = missing();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			if (Boolean.parseBoolean(System.getenv("HERALD_REQUIRE_BROWSER"))) {
				throw new AssertionFailedError(
						missing + "; HERALD_REQUIRE_BROWSER=true makes a missing browser a failure");
			}
			System.err.println("SKIPPED " + context.getDisplayName() + ": " + missing);
			return ConditionEvaluationResult.disabled(missing + "; skipping the browser tests");
		}

	}

	/** Why the browser cannot be started, or null when it can. */
	static String missing() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return null;
		}
		return "Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver, or set HERALD_CHROMIUM and HERALD_CHROMEDRIVER)";
	}

	/** Starts the browser in the given time zone. */
	public static HeadlessChromium start(String timeZone) {
		Path chromium = CHROMIUM;
		Path chromedriver = CHROMEDRIVER;
		Assertions.assertNull(missing(), HeadlessChromium::missing);
		// Selenium Manager only runs when a path is missing; make sure it never goes
		// online even then.
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty("webdriver.chrome.driver", chromedriver.toString());
		try {
			Path profile = Files.createTempDirectory("herald-chromium-");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort()
				.withEnvironment(Map.of("TZ", timeZone))
				.withTimeout(Duration.ofSeconds(60))
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile, "--lang=en-US", "--hide-scrollbars", "--window-size=1280,1000",
					// Only loopback: a thumbnail on a real host must not leave the
					// machine.
					"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
			// An alert stays open so the test can see that none appeared.
			options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new HeadlessChromium(service, driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves what the browser shows under {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			File taken = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(taken.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temp directory left behind is harmless.
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
