package news.herald.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedResponsesTests {

	@Test
	void gzipIsChosenWhenListedOrCoveredByAWildcardWithoutQZero() {
		assertThat(FeedResponses.acceptsGzip("gzip")).isTrue();
		assertThat(FeedResponses.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(FeedResponses.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
		assertThat(FeedResponses.acceptsGzip("*")).isTrue();
		assertThat(FeedResponses.acceptsGzip("x-gzip")).isTrue();
	}

	@Test
	void gzipIsNotChosenWhenAbsentOrRefused() {
		assertThat(FeedResponses.acceptsGzip(null)).isFalse();
		assertThat(FeedResponses.acceptsGzip("")).isFalse();
		assertThat(FeedResponses.acceptsGzip("identity")).isFalse();
		assertThat(FeedResponses.acceptsGzip("br, deflate")).isFalse();
		assertThat(FeedResponses.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(FeedResponses.acceptsGzip("gzip;q=0.000, *")).isFalse();
		assertThat(FeedResponses.acceptsGzip("*;q=0")).isFalse();
	}

}
