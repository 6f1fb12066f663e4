package news.herald.ticker;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the browser tests share: one running Herald (one context for all of them), one
 * headless Chromium per class in a reader's time zone far from UTC, and a newsroom client
 * that publishes through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.security.keys=" + BrowserTestSupport.KEY_SHA256,
				// Readers counted within a second or two, so a test can watch the count
				// move.
				"herald.stream.presence-report=500ms", "herald.stream.presence-expiry=5s",
				"herald.stream.presence-events=1s" })
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HeadlessChromium.Required.class)
abstract class BrowserTestSupport {

	static final String KEY = "herald-browser-test-publisher-key";

	/** {@code printf %s herald-browser-test-publisher-key | sha256sum} */
	static final String KEY_SHA256 = "5cc6bc27bd0b1f86601f0a4a5600db2b12774a979fd26c5d90ab615c5c7d7427";

	/** A reader far from UTC, so a time shown in UTC would be caught. */
	static final ZoneId READER_ZONE = ZoneId.of("Asia/Almaty");

	static final String THUMBNAIL = "https://localhost:9/photos/thumbnail.jpg";

	/**
	 * Markup the publishing API lets through (it refuses tags of known HTML elements in a
	 * headline) and that a page inserting the headline as HTML would still run: a custom
	 * element that takes the focus and alerts.
	 */
	static final String XSS_TITLE = "<herald-x autofocus tabindex=1 onfocus=alert(1)> Markup in a headline";

	static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	HeadlessChromium browser;

	ChromeDriver driver;

	NewsroomClient newsroom;

	@BeforeAll
	void startBrowser() {
		this.browser = HeadlessChromium.start(READER_ZONE.getId());
		this.driver = this.browser.driver();
		this.newsroom = new NewsroomClient(this.client, KEY);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	String herald() {
		return "http://localhost:" + this.port;
	}

	String connectionState() {
		return this.driver.findElement(By.id("connection")).getAttribute("data-state");
	}

	WebElement firstHeadline() {
		return this.driver.findElement(By.cssSelector("#headlines > li"));
	}

	WebElement headline(String id) {
		return this.driver.findElement(By.cssSelector("#headlines li[data-id='" + id + "']"));
	}

	String titleOf(String id) {
		List<WebElement> found = this.driver.findElements(By.cssSelector("#headlines li[data-id='" + id + "']"));
		return found.isEmpty() ? null : found.get(0).findElement(By.cssSelector(".headline-title")).getText();
	}

	void assertNoInjectedMarkup() {
		assertThat(this.driver.findElements(By.cssSelector("herald-x, [onfocus]"))).isEmpty();
		assertNoAlert();
	}

	void assertNoAlert() {
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.driver.switchTo().alert());
	}

	void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(this.driver, PATIENCE, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until((d) -> condition.getAsBoolean());
	}

}
