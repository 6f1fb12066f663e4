package news.herald.feed;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorsTests {

	private static final Instant CHANGED = Instant.parse("2026-03-01T10:15:30.250Z");

	private final RenderedFeed.Validators validators = RenderedFeed.Validators.of(new FeedStamp(42, 1, CHANGED), "abc");

	@Test
	void etagsNameTheEventAndTheRepresentation() {
		assertThat(this.validators.etag()).isEqualTo("\"abc-1-42\"");
		assertThat(this.validators.gzipEtag()).isEqualTo("\"abc-1-42-gzip\"");
		assertThat(this.validators.brotliEtag()).isEqualTo("\"abc-1-42-br\"");
		assertThat(this.validators.etag(ContentCoding.BROTLI)).isEqualTo("\"abc-1-42-br\"");
		assertThat(this.validators.etag(ContentCoding.IDENTITY)).isEqualTo("\"abc-1-42\"");
	}

	@Test
	void ifNoneMatchAcceptsAnyRepresentationWeakFormsListsAndStar() {
		assertThat(this.validators.matches("\"abc-1-42\"")).isTrue();
		assertThat(this.validators.matches("W/\"abc-1-42-gzip\"")).isTrue();
		assertThat(this.validators.matches("\"abc-1-42-br\"")).isTrue();
		assertThat(this.validators.matches("\"abc-1-41-br\", W/\"abc-1-42-br\"")).isTrue();
		assertThat(this.validators.matches("\"abc-1-41\", \"abc-1-42\"")).isTrue();
		assertThat(this.validators.matches("*")).isTrue();
		assertThat(this.validators.matches("\"abc-1-41\"")).isFalse();
		assertThat(this.validators.matches("\"abc-1-420\"")).isFalse();
		assertThat(this.validators.matches("abc-1-42")).isFalse();
	}

	@Test
	void theSameIdOnAnotherTimelineIsAnotherState() {
		RenderedFeed.Validators afterFailover = RenderedFeed.Validators.of(new FeedStamp(42, 2, CHANGED), "abc");
		assertThat(afterFailover.etag()).isEqualTo("\"abc-2-42\"");
		assertThat(afterFailover.matches(this.validators.etag())).isFalse();
		assertThat(new FeedStamp(42, 2, CHANGED).sameEvent(new FeedStamp(42, 1, CHANGED))).isFalse();
	}

	@Test
	void lastModifiedIsHandedOutOnlyAfterTheSecondOfTheChangeHasPassed() {
		assertThat(this.validators.lastModifiedAt(CHANGED.plusMillis(500))).isNull();
		assertThat(this.validators.lastModifiedAt(CHANGED.plusSeconds(3))).isEqualTo("Sun, 1 Mar 2026 10:15:30 GMT");
	}

	@Test
	void ifModifiedSinceIsComparedInWholeSecondsOnceSettled() {
		Instant later = CHANGED.plusSeconds(5);
		long sameSecond = Instant.parse("2026-03-01T10:15:30Z").toEpochMilli();
		assertThat(this.validators.notModifiedSince(sameSecond, later)).isTrue();
		assertThat(this.validators.notModifiedSince(sameSecond - 1000, later)).isFalse();
		assertThat(this.validators.notModifiedSince(sameSecond, CHANGED.plusMillis(100))).isFalse();
	}

	@Test
	void aFeedNoEventTouchedHasNoLastModified() {
		RenderedFeed.Validators none = RenderedFeed.Validators.of(FeedStamp.NONE, "abc");
		assertThat(none.etag()).isEqualTo("\"abc-0\"");
		assertThat(none.lastModifiedAt(Instant.now())).isNull();
		assertThat(none.notModifiedSince(Instant.now().toEpochMilli(), Instant.now())).isFalse();
	}

}
