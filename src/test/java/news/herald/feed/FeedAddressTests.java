package news.herald.feed;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import news.herald.http.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedAddressTests {

	static final FeedAddress OUTLET = FeedAddress.of("");

	static final FeedAddress TAG = new FeedAddress(FeedAddress.Kind.TAG, "", "budget", null, null);

	@Test
	void oneFeedAddressedTwoWaysSharesItsValidatorsButNotItsBytes() {
		FeedAddress byQuery = FeedQuery.fastAddress(OUTLET, "tag=budget");
		assertThat(byQuery.stampKey()).isEqualTo(TAG.stampKey()).isEqualTo("tag:budget");
		assertThat(byQuery.cacheKey()).isNotEqualTo(TAG.cacheKey());
		assertThat(byQuery.feedId()).isEqualTo(TAG.feedId());
		assertThat(TAG.path(FeedFormat.ATOM)).isEqualTo("/feeds/tags/budget/atom.xml");
		assertThat(byQuery.path(FeedFormat.RSS)).isEqualTo("/feeds/rss.xml?tag=budget");
	}

	@Test
	void filtersInAnyOrderMakeOneCombination() {
		FeedAddress a = FeedQuery.fastAddress(FeedAddress.of("world"), "lang=kk&tag=budget");
		FeedAddress b = FeedQuery.fastAddress(FeedAddress.of("world"), "tag=budget&lang=kk");
		assertThat(a.stampKey()).isEqualTo(b.stampKey()).isEqualTo("world?tag=budget&lang=kk");
		assertThat(a.kept()).isFalse();
		assertThat(a.path(FeedFormat.JSON)).isEqualTo("/feeds/world/feed.json?tag=budget&lang=kk");
		assertThat(FeedAddress.of("world").kept()).isTrue();
		assertThat(TAG.kept()).isTrue();
	}

	@Test
	void theFastPathLeavesAnythingButCanonicalFiltersToTheFullRules() {
		assertThat(FeedQuery.fastAddress(OUTLET, "limit=5")).isNull();
		assertThat(FeedQuery.fastAddress(OUTLET, "tag=a&tag=b")).isNull();
		assertThat(FeedQuery.fastAddress(OUTLET, "lang=KK")).isNull();
		assertThat(FeedQuery.fastAddress(OUTLET, "tag=%41")).isNull();
		assertThat(FeedQuery.fastAddress(TAG, "tag=other")).isNull();
		assertThat(FeedQuery.fastAddress(OUTLET, "tag=a&author=b&lang=en&x=1")).isNull();
	}

	@Test
	void theFullRulesRefuseRepeatedUnknownAndMalformedParameters() {
		for (String query : new String[] { "tag=a&tag=b", "colour=red", "tag=Not%20Slug", "lang=english!", "tag=" }) {
			LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(
					UriComponentsBuilder.fromUriString("/feeds/rss.xml?" + query).build(true).getQueryParams());
			parameters.replaceAll((name, values) -> values.stream()
				.map((value) -> java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))
				.toList());
			assertThatExceptionOfType(BadRequestException.class).as(query)
				.isThrownBy(() -> FeedQuery.address(OUTLET, parameters));
		}
		assertThat(FeedQuery
			.address(OUTLET, new LinkedMultiValueMap<>(java.util.Map.of("lang", java.util.List.of("kk-KZ"))))
			.language()).isEqualTo("kk-kz");
	}

}
