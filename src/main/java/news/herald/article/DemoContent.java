package news.herald.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import news.herald.database.DatabaseEnvironment;

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

	private final ArticleRequestReader reader;

	private final ArticleValidator validator;

	private final boolean enabled;

	DemoContent(ArticlePublisher publisher, ArticleRepository articles, JsonMapper json, ArticleRequestReader reader,
			ArticleValidator validator, PublishingProperties properties, Environment environment) {
		this.publisher = publisher;
		this.articles = articles;
		this.json = json;
		this.reader = reader;
		this.validator = validator;
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

	/**
	 * The demo articles, read and checked exactly as the publishing API reads and checks
	 * a CMS's: same strict parsing, same rules, same sanitising.
	 */
	List<ArticleDraft> drafts() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			JsonNode newsroom = this.json.readTree(in);
			List<ArticleDraft> drafts = new ArrayList<>();
			for (JsonNode article : newsroom.path("articles")) {
				ArticleRequest request = this.reader
					.parse(new ByteArrayInputStream(this.json.writeValueAsBytes(article)));
				drafts.add(this.validator.validate(request));
			}
			drafts
				.sort(Comparator.comparing(ArticleDraft::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
			return drafts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
