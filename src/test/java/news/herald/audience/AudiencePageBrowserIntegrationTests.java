package news.herald.audience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.herald.ticker.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audience page in headless Chromium over three weeks of seeded history: the key
 * typed into the form, then the chart of followers per section and the table by
 * aggregator, on a desktop and a phone (screenshots under target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "herald.publishing.demo-content=false", "herald.audience.flush-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(HeadlessChromium.Required.class)
class AudiencePageBrowserIntegrationTests {

	private static final List<String> SECTIONS = List.of("kazakhstan", "russia", "world");

	private static final int DAYS = 21;

	@LocalServerPort
	int port;

	@Autowired
	AudienceRepository repository;

	HeadlessChromium browser;

	ChromeDriver driver;

	@BeforeAll
	void seedHistoryAndStartBrowser() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		UUID instance = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Flux.range(0, DAYS).concatMap((back) -> {
			LocalDate day = today.minusDays(DAYS - 1 - back);
			return Flux.fromIterable(SECTIONS).concatMap((section) -> {
				int weight = SECTIONS.indexOf(section) + 1;
				AudienceFeed feed = new AudienceFeed(section, "rss.xml", "");
				ClientSketch clients = new ClientSketch();
				for (int c = 0; c < 20 * weight + back * weight; c++) {
					clients.update((section + "-client-" + c + "-" + (back % 3)).getBytes(StandardCharsets.UTF_8));
				}
				return Mono.when(this.repository.saveClients(day, feed, instance, clients.toBytes(), at),
						this.repository.saveSubscribers(day, feed, new DayTally.Source("Feedly", ""),
								new DayTally.Reading(100 * weight + 5 * back, at)),
						this.repository.saveSubscribers(day, feed, new DayTally.Source("Inoreader", ""),
								new DayTally.Reading(30 * weight + back, at)),
						this.repository.saveSubscribers(day, feed, new DayTally.Source("NewsBlur", "6163234"),
								new DayTally.Reading(7 * weight, at)),
						this.repository.savePeak(day, section, 3 * weight + back % 5));
			});
		}).then().block();
		this.browser = HeadlessChromium.start("Asia/Almaty");
		this.driver = this.browser.driver();
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void thePageShowsTheChartAndTheTableBehindTheKey() throws Exception {
		this.driver.get("http://localhost:" + this.port + "/newsroom/audience");
		assertThat(this.driver.findElements(By.id("followers-chart"))).isEmpty();
		this.driver.findElement(By.id("key")).sendKeys(Readers.EDITOR_KEY);
		this.driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		new WebDriverWait(this.driver, java.time.Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("followers-chart")));

		List<WebElement> lines = this.driver.findElements(By.cssSelector("#followers-chart polyline.line"));
		assertThat(lines).extracting((line) -> line.getAttribute("data-scope"))
			.containsExactly("world", "russia", "kazakhstan");
		// A point per day of the default 30-day period.
		assertThat(lines.get(0).getAttribute("points").split(" ")).hasSize(30);
		List<WebElement> aggregators = this.driver.findElements(By.cssSelector("#aggregators tbody tr"));
		assertThat(aggregators).extracting((row) -> row.findElement(By.tagName("th")).getText())
			.containsExactly("Feedly", "Inoreader", "NewsBlur");
		int feedly = 100 * (1 + 2 + 3) + 5 * (DAYS - 1) * 3;
		assertThat(aggregators.get(0).findElements(By.tagName("td")).get(0).getText())
			.isEqualTo(String.format(java.util.Locale.ROOT, "%,d", feedly));
		assertThat(this.driver.findElements(By.cssSelector("#sections tbody tr"))).hasSize(3);
		Path desktop = this.browser.screenshot("audience-page");
		assertThat(Files.size(desktop)).isPositive();

		this.browser.resize(390, 844);
		WebElement chart = this.driver.findElement(By.id("followers-chart"));
		assertThat(chart.getSize().getWidth()).isLessThanOrEqualTo(390);
		Path phone = this.browser.screenshot("audience-page-phone");
		assertThat(Files.size(phone)).isPositive();
	}

}
