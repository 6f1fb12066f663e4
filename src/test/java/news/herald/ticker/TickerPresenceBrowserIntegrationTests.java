package news.herald.ticker;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers counted live on the page, and every ticker of a partner page on one connection,
 * in headless Chromium.
 */
class TickerPresenceBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void readersCountGrowsWhenASecondBrowserOpensThePage() {
		String page = herald() + "/?section=middle-east";
		this.driver.get(page);
		waitUntil(() -> "live".equals(connectionState()));
		waitUntil(() -> "1 reading now".equals(readersText(this.driver)));
		try (HeadlessChromium second = HeadlessChromium.start(READER_ZONE.getId())) {
			second.driver().get(page);
			waitUntil(() -> "2 reading now".equals(readersText(second.driver())));
			waitUntil(() -> "2 reading now".equals(readersText(this.driver)));
			this.browser.screenshot("ticker-readers");
		}
		waitUntil(() -> "1 reading now".equals(readersText(this.driver)));
	}

	@Test
	void tickersOfSeveralSectionsOnOnePageShareOneConnection() {
		this.driver.get("about:blank");
		waitUntil(() -> openStreams() == 0);
		try (PartnerSite partner = PartnerSite.embedding(herald(), List.of("kazakhstan", "europe"), 5)) {
			this.driver.get(partner.url());
			List<WebElement> hosts = this.driver.findElements(By.cssSelector(".herald-ticker"));
			assertThat(hosts).hasSize(2);
			SearchContext kazakhstan = hosts.get(0).getShadowRoot();
			SearchContext europe = hosts.get(1).getShadowRoot();
			for (SearchContext widget : List.of(kazakhstan, europe)) {
				waitUntil(
						() -> "live".equals(widget.findElement(By.cssSelector(".status")).getAttribute("data-state")));
			}
			assertThat(openStreams()).as("streams the page holds open").isEqualTo(1);

			String toKazakhstan = "Astana " + UUID.randomUUID();
			String kazakhId = (String) this.newsroom.publish(NewsroomClient.article("kazakhstan", toKazakhstan))
				.get("id");
			String toEurope = "Brussels " + UUID.randomUUID();
			String europeId = (String) this.newsroom.publish(NewsroomClient.article("europe", toEurope)).get("id");
			waitUntil(() -> !kazakhstan.findElements(By.cssSelector("li[data-id='" + kazakhId + "']")).isEmpty());
			waitUntil(() -> !europe.findElements(By.cssSelector("li[data-id='" + europeId + "']")).isEmpty());
			assertThat(kazakhstan.findElements(By.cssSelector("li[data-id='" + europeId + "']"))).isEmpty();
			assertThat(europe.findElements(By.cssSelector("li[data-id='" + kazakhId + "']"))).isEmpty();
			assertThat(openStreams()).as("still one stream").isEqualTo(1);
			assertNoAlert();
		}
	}

	private static String readersText(ChromeDriver driver) {
		WebElement readers = driver.findElement(By.id("readers"));
		return readers.getAttribute("hidden") != null ? null : readers.getAttribute("textContent");
	}

	private int openStreams() {
		return (int) this.meters.get("herald.stream.open").gauge().value();
	}

}
