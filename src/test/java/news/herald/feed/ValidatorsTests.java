package news.herald.feed;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorsTests {

	private static final Instant CHANGED = Instant.parse("2026-03-01T10:15:30.250Z");

	private final RenderedFeed.Validators validators = RenderedFeed.Validators.of(new FeedStamp(42, CHANGED), "abc");

	@Test
	void etagsNameTheEventAndTheRepresentation() {
		assertThat(this.validators.etag()).isEqualTo("\"abc-42\"");
		assertThat(this.validators.gzipEtag()).isEqualTo("\"abc-42-gzip\"");
		assertThat(this.validators.brotliEtag()).isEqualTo("\"abc-42-br\"");
		assertThat(this.validators.etag(ContentCoding.BROTLI)).isEqualTo("\"abc-42-br\"");
		assertThat(this.validators.etag(ContentCoding.IDENTITY)).isEqualTo("\"abc-42\"");
	}

	@Test
	void ifNoneMatchAcceptsAnyRepresentationWeakFormsListsAndStar() {
		assertThat(this.validators.matches("\"abc-42\"")).isTrue();
		assertThat(this.validators.matches("W/\"abc-42-gzip\"")).isTrue();
		assertThat(this.validators.matches("\"abc-42-br\"")).isTrue();
		assertThat(this.validators.matches("\"abc-41-br\", W/\"abc-42-br\"")).isTrue();
		assertThat(this.validators.matches("\"abc-41\", \"abc-42\"")).isTrue();
		assertThat(this.validators.matches("*")).isTrue();
		assertThat(this.validators.matches("\"abc-41\"")).isFalse();
		assertThat(this.validators.matches("\"abc-420\"")).isFalse();
		assertThat(this.validators.matches("abc-42")).isFalse();
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
