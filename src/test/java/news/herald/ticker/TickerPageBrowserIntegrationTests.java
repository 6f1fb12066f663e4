package news.herald.ticker;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ticker page as the server renders it, in real headless Chromium: headlines
 * published through the API, escaping, the reader's time zone, phone width, keyboard and
 * contrast. Screenshots land in {@code target/screenshots/}.
 */
class TickerPageBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void publishedHeadlinesAreOnThePageWithMarkupShownAsText() {
		String title = XSS_TITLE + " " + UUID.randomUUID();
		Map<String, Object> article = NewsroomClient.article("middle-east", title);
		article.put("image", Map.of("url", THUMBNAIL, "caption", "A photo", "credit", "Test Desk"));
		String id = (String) this.newsroom.publish(article).get("id");
		open(herald() + "/?section=world");
		assertThat(firstHeadline().getAttribute("data-id")).isEqualTo(id);
		// getText() returns only visible text: wait for it rather than read it once.
		waitUntil(() -> title.equals(titleOf(id)));
		assertThat(this.driver.findElements(By.cssSelector("herald-x, [onfocus]"))).isEmpty();
		assertThat(this.driver.findElements(By.cssSelector("#headlines .headline-title herald-x"))).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.driver.switchTo().alert());
		// The thumbnail is there; one that cannot load is hidden, not shown broken
		// (nothing serves this address).
		WebElement thumbnail = headline(id).findElement(By.cssSelector("img.headline-thumb"));
		assertThat(thumbnail.getAttribute("src")).isEqualTo(THUMBNAIL);
		assertThat(thumbnail.getAttribute("alt")).isEmpty();
		waitUntil(() -> !thumbnail.isDisplayed());
		this.browser.screenshot("ticker-page-desktop");
	}

	@Test
	void timesAreInTheReadersZoneAndThePageFitsAPhone() {
		Instant publishedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		Map<String, Object> article = NewsroomClient.article("kazakhstan", "Almaty time " + UUID.randomUUID());
		article.put("publishedAt", publishedAt.toString());
		String id = (String) this.newsroom.publish(article).get("id");
		open(herald() + "/?section=regional");
		assertThat(this.driver.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
			.isEqualTo(READER_ZONE.getId());
		String local = DateTimeFormatter.ofPattern("h:mm a", Locale.US).withZone(READER_ZONE).format(publishedAt);
		waitUntil(() -> headline(id).findElement(By.cssSelector("time"))
			.getText()
			.replace('\u202f', ' ')
			.contains(local));
		try {
			this.browser.resize(390, 844);
			waitUntil(() -> Boolean.TRUE
				.equals(this.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")));
			this.browser.screenshot("ticker-phone");
			assertThat(headline(id).isDisplayed()).isTrue();
		}
		finally {
			this.browser.resize(1280, 1000);
		}
	}

	@Test
	void keyboardReachesTheSectionsAndHeadlinesAndTextIsReadable() {
		open(herald() + "/");
		WebElement body = this.driver.findElement(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		waitUntil(() -> "Skip to headlines".equals(this.driver.switchTo().activeElement().getText()));
		this.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
		this.driver.switchTo().activeElement().sendKeys(Keys.TAB);
		WebElement focused = this.driver.switchTo().activeElement();
		assertThat(focused.getTagName()).isEqualTo("a");
		assertThat(focused.findElement(By.xpath("ancestor::li")).getAttribute("class")).contains("headline");
		assertReadableContrast("light");
		try {
			this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
			assertReadableContrast("dark");
			this.browser.screenshot("ticker-dark");
		}
		finally {
			this.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		}
	}

	/** WCAG AA: at least 4.5:1 for text against its background. */
	private void assertReadableContrast(String scheme) {
		for (String selector : List.of(".headline-title a", ".headline-meta", ".headline-summary", ".connection",
				".sections a:not([aria-current])", ".sections a[aria-current]", ".feed-table a", "h1")) {
			Number ratio = (Number) this.driver.executeScript(CONTRAST, selector);
			assertThat(ratio.doubleValue()).as("contrast of %s in the %s scheme", selector, scheme)
				.isBetween(4.5, 21.0);
		}
	}

	/** Contrast ratio of an element's text against its nearest opaque background. */
	private static final String CONTRAST = """
			const element = document.querySelector(arguments[0]);
			const rgb = (value) => value.match(/[0-9.]+/g).map(Number);
			let node = element, background = null;
			while (node && node.nodeType === 1) {
			  const color = rgb(getComputedStyle(node).backgroundColor);
			  if (color.length < 4 || color[3] === 1) { background = color; break; }
			  node = node.parentNode;
			}
			background = background || [255, 255, 255];
			const luminance = ([r, g, b]) => [r, g, b]
			  .map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); })
			  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
			const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)];
			return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			""";

	/** Opens a page and waits until its script has taken over. */
	private void open(String url) {
		this.driver.get(url);
		waitUntil(() -> !"connecting".equals(connectionState()));
	}

}
