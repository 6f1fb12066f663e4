package news.herald.audience;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds are keyed by the request alone, so new feed kinds are counted unchanged. */
class AudienceFeedTests {

	@Test
	void outletSectionAndLaterKindsHaveTheirScope() {
		assertThat(AudienceFeed.of("/feeds/rss.xml", null)).isEqualTo(new AudienceFeed("outlet", "rss.xml", ""));
		assertThat(AudienceFeed.of("/feeds/kazakhstan/atom.xml", null))
			.isEqualTo(new AudienceFeed("kazakhstan", "atom.xml", ""));
		assertThat(AudienceFeed.of("/feeds/tags/economy/feed.json", null))
			.isEqualTo(new AudienceFeed("tags/economy", "feed.json", ""));
		assertThat(AudienceFeed.of("/feeds.opml", null)).isNull();
		assertThat(AudienceFeed.of("/feeds/", null)).isNull();
	}

	@Test
	void filterIsSortedAndLeavesPagingOut() {
		AudienceFeed feed = AudienceFeed.of("/feeds/search/rss.xml", "q=Almaty%20floods&cursor=120&limit=20&lang=ru");
		assertThat(feed.filter()).isEqualTo("lang=ru&q=Almaty floods");
		assertThat(feed.path()).isEqualTo("/feeds/search/rss.xml?lang=ru&q=Almaty floods");
		assertThat(AudienceFeed.of("/feeds/rss.xml", "cursor=5").filter()).isEmpty();
	}

}
