package news.herald.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import news.herald.config.DatabaseEnvironment;
import news.herald.config.HeraldProperties;

/**
 * Fills an empty store with the demo newsroom so a fresh checkout has something to show.
 * Articles go through {@link ArticlePublisher} like any CMS write, events included,
 * oldest first so that their order in Herald matches their publication dates.
 */
@Component
class DemoContent {

	private static final Log logger = LogFactory.getLog(DemoContent.class);

	private static final String RESOURCE = "demo-newsroom.json";

	private final ArticlePublisher publisher;

	private final ArticleRepository articles;

	private final JsonMapper json;

	private final boolean enabled;

	DemoContent(ArticlePublisher publisher, ArticleRepository articles, JsonMapper json, HeraldProperties properties,
			Environment environment) {
		this.publisher = publisher;
		this.articles = articles;
		this.json = json;
		this.enabled = (properties.demoContent() != null) ? properties.demoContent()
				: environment.getProperty(DatabaseEnvironment.EMBEDDED_ACTIVE, Boolean.class, false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadIntoEmptyStore() {
		if (!this.enabled) {
			return;
		}
		// On the main thread at start-up; the file is read here, never on a reactor
		// thread.
		List<ArticleDraft> drafts = drafts();
		Long loaded = this.articles.count()
			.filter((count) -> count == 0)
			.flatMapMany((empty) -> Flux.fromIterable(drafts).concatMap(this.publisher::create))
			.count()
			.block(Duration.ofMinutes(1));
		if (loaded != null && loaded > 0) {
			logger.info("Loaded " + loaded + " demo articles into the empty store");
		}
	}

	List<ArticleDraft> drafts() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			DemoNewsroom newsroom = this.json.rebuild()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, DemoNewsroom.class);
			return newsroom.articles().stream().sorted(Comparator.comparing(ArticleDraft::publishedAt)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record DemoNewsroom(List<ArticleDraft> articles) {

	}

}
