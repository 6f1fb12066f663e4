package news.herald.feed;

import org.junit.jupiter.api.Test;

import static news.herald.feed.ContentCoding.BROTLI;
import static news.herald.feed.ContentCoding.GZIP;
import static news.herald.feed.ContentCoding.IDENTITY;
import static news.herald.feed.ContentCoding.negotiate;
import static org.assertj.core.api.Assertions.assertThat;

class ContentCodingTests {

	@Test
	void brotliWinsWhereAcceptedAtLeastAsMuchAsGzip() {
		assertThat(negotiate("gzip, deflate, br, zstd", true)).isEqualTo(BROTLI);
		assertThat(negotiate("br", true)).isEqualTo(BROTLI);
		assertThat(negotiate("br;q=1.0, GZIP;q=0.5", true)).isEqualTo(BROTLI);
		assertThat(negotiate("*", true)).isEqualTo(BROTLI);
		assertThat(negotiate("gzip;q=0.5, *;q=0.6", true)).isEqualTo(BROTLI);
	}

	@Test
	void gzipWhereBrotliIsNotWantedOrNotAvailable() {
		assertThat(negotiate("gzip", true)).isEqualTo(GZIP);
		assertThat(negotiate("x-gzip", true)).isEqualTo(GZIP);
		assertThat(negotiate("br;q=0.5, gzip", true)).isEqualTo(GZIP);
		assertThat(negotiate("br;q=0, *", true)).isEqualTo(GZIP);
		assertThat(negotiate("gzip, deflate, br", false)).isEqualTo(GZIP);
		assertThat(negotiate("*", false)).isEqualTo(GZIP);
	}

	@Test
	void identityWhenNothingCompressedIsAcceptable() {
		assertThat(negotiate(null, true)).isEqualTo(IDENTITY);
		assertThat(negotiate("", true)).isEqualTo(IDENTITY);
		assertThat(negotiate("identity", true)).isEqualTo(IDENTITY);
		assertThat(negotiate("br, deflate", false)).isEqualTo(IDENTITY);
		assertThat(negotiate("gzip;q=0", true)).isEqualTo(IDENTITY);
		assertThat(negotiate("gzip;q=0.000, br;q=0, *", true)).isEqualTo(IDENTITY);
		assertThat(negotiate("*;q=0", true)).isEqualTo(IDENTITY);
		assertThat(negotiate("gzip;q=nonsense", true)).isEqualTo(IDENTITY);
	}

}
