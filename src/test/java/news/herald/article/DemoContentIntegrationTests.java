package news.herald.article;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import news.herald.HeraldApplication;
import news.herald.event.ArticleEvent;
import news.herald.event.ArticleEventRepository;
import news.herald.event.ArticleEventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first start loads the demo newsroom; a restart keeps the data and adds
 * nothing. Runs Herald twice on one persistent data directory, as {@code spring-boot:run}
 * does.
 */
class DemoContentIntegrationTests {

	@Test
	void firstStartLoadsTheDemoNewsroomAndARestartKeepsItWithoutDuplicates(@TempDir Path dir) {
		Path dataDir = dir.resolve("postgres");
		try (ConfigurableApplicationContext first = start(dataDir)) {
			assertThat(articleCount(first)).isEqualTo(21);
			List<ArticleEvent> events = first.getBean(ArticleEventRepository.class)
				.findAfter(0, null, 100)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(events).hasSize(21).allMatch((event) -> event.type() == ArticleEventType.PUBLISHED);
			// Loaded oldest first, so Herald's order matches the publication dates.
			assertThat(events).extracting((event) -> event.headline().publishedAt()).isSorted();
		}
		assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(articleCount(second)).isEqualTo(21);
			assertThat(second.getBean(ArticleEventRepository.class).latestId().block(Duration.ofSeconds(10)))
				.isEqualTo(21);
		}
	}

	@Test
	void demoContentIsOffWhenSwitchedOff(@TempDir Path dir) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HeraldApplication.class).run(
				"--server.port=0", "--herald.db.embedded.data-dir=" + dir.resolve("pg"),
				"--herald.publishing.demo-content=false")) {
			assertThat(articleCount(context)).isZero();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(HeraldApplication.class).run("--server.port=0",
				"--herald.db.embedded.data-dir=" + dataDir);
	}

	private static long articleCount(ConfigurableApplicationContext context) {
		return context.getBean(ArticleRepository.class).count().block(Duration.ofSeconds(10));
	}

}
