package news.herald.feed;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import news.herald.event.ArticleEventType;

import static org.assertj.core.api.Assertions.assertThat;

class FeedChangesTests {

	private static final UUID OLD = UUID.randomUUID();

	private static final UUID NEW = UUID.randomUUID();

	private static final Set<String> WORLD = Set.of("world", "europe", "russia");

	@Test
	void publishedAndUpdatedArticlesSinceTheStateAreTheDelta() {
		List<FeedDeltaRepository.Change> changes = List.of(change(10, ArticleEventType.PUBLISHED, OLD, "europe"),
				change(12, ArticleEventType.PUBLISHED, NEW, "russia"),
				change(13, ArticleEventType.UPDATED, OLD, "world"));
		assertThat(FeedChanges.since(WORLD, 10, changes)).containsExactlyInAnyOrder(OLD, NEW);
		assertThat(FeedChanges.since(WORLD, 10, changes.subList(0, 1))).isEmpty();
	}

	@Test
	void aRetractionOrAMoveOutMeansTheFullFeed() {
		assertThat(FeedChanges.since(null, 10, List.of(change(10, ArticleEventType.PUBLISHED, OLD, "europe"),
				change(11, ArticleEventType.RETRACTED, NEW, "europe"))))
			.isNull();
		assertThat(FeedChanges.since(WORLD, 10, List.of(change(10, ArticleEventType.PUBLISHED, OLD, "europe"),
				change(11, ArticleEventType.UPDATED, OLD, "americas"))))
			.isNull();
		// The outlet has no outside to move to.
		assertThat(FeedChanges.since(null, 10, List.of(change(10, ArticleEventType.PUBLISHED, OLD, "europe"),
				change(11, ArticleEventType.UPDATED, OLD, "americas"))))
			.containsExactly(OLD);
	}

	@Test
	void aStateTheFeedNeverHadMeansTheFullFeed() {
		assertThat(FeedChanges.since(WORLD, 10, List.of())).isNull();
		assertThat(FeedChanges.since(WORLD, 10, List.of(change(11, ArticleEventType.PUBLISHED, NEW, "europe"))))
			.isNull();
	}

	@Test
	void etagsOfTheseSettingsNameTheirEvent() {
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-42", "3f2a", 1)).isEqualTo(42);
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-42-gzip", "3f2a", 1)).isEqualTo(42);
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-42-br", "3f2a", 1)).isEqualTo(42);
		// Another timeline's tag may name an event a failover lost.
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-42", "3f2a", 2)).isEqualTo(-1);
		assertThat(RenderedFeed.Validators.eventIdOf("9999-1-42", "3f2a", 1)).isEqualTo(-1);
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1--42", "3f2a", 1)).isEqualTo(-1);
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-42-zstd", "3f2a", 1)).isEqualTo(-1);
		assertThat(RenderedFeed.Validators.eventIdOf("3f2a-1-99999999999999999999", "3f2a", 1)).isEqualTo(-1);
	}

	private static FeedDeltaRepository.Change change(long id, ArticleEventType type, UUID article, String section) {
		return new FeedDeltaRepository.Change(id, type, article, section);
	}

}
