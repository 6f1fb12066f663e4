package news.herald.audience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each aggregator in the table, from the User-Agent strings their fetchers send. */
class AggregatorsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; )                                   | Feedly         |          | 131
					Feedly/1.0 (+https://feedly.com/poller.html; 1 subscriber; )                                          | Feedly         |          | 1
					Mozilla/5.0 (compatible; inoreader.com; 47 subscribers)                                                | Inoreader      |          | 47
					NewsBlur Feed Fetcher - 9 subscribers - https://www.newsblur.com/site/6163234/herald (Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.1 Safari/605.1.15) | NewsBlur | 6163234 | 9
					Feedbin feed-id:1373711 - 142 subscribers                                                              | Feedbin        | 1373711  | 142
					Mozilla/5.0 (compatible; theoldreader.com; 5 subscribers; feed-id=5c82f0e2b3f8a9a3d2000127)            | The Old Reader | 5c82f0e2b3f8a9a3d2000127 | 5
					Mozilla/5.0 (compatible; BazQux/2.4; +https://bazqux.com/fetcher; 3 subscribers)                       | BazQux         |          | 3
					Netvibes (crawler/1.0; https://www.netvibes.com/; 4 subscribers; feedID: 39028473)                     | Netvibes       | 39028473 | 4
					Bloglovin/1.0 (rss fetcher; +http://www.bloglovin.com/; 13 subscribers)                                | Bloglovin      |          | 13
					Superfeedr bot/2.0 http://superfeedr.com - Make your feeds realtime: get in touch - feed-id:1345322 - 2 subscribers | Superfeedr | 1345322 | 2
					SomeNewReader/0.9 (+https://reader.example/bot; 21 readers)                                            | other          |          | 21
					""")
	void aggregatorsReportTheirSubscribers(String userAgent, String aggregator, String feedId, int subscribers) {
		Aggregators.Report report = Aggregators.parse(userAgent);
		assertThat(report).isNotNull();
		assertThat(report.aggregator()).isEqualTo(aggregator);
		assertThat(report.feedId()).isEqualTo((feedId != null) ? feedId : "");
		assertThat(report.subscribers()).isEqualTo(subscribers);
		assertThat(Aggregators.names()).contains(aggregator.equals(Aggregators.OTHER) ? "Feedly" : aggregator);
	}

	@ParameterizedTest
	@ValueSource(strings = { "newsboat/2.36.0 (Linux x86_64)", "NetNewsWire (RSS Reader; https://netnewswire.com/)",
			"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0",
			"Mozilla/5.0 (compatible; Miniflux/2.2.3; +https://miniflux.app)",
			"Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)",
			"FreshRSS/1.24.3 (Linux; https://freshrss.org)", "" })
	void directReadersReportNothing(String userAgent) {
		assertThat(Aggregators.parse(userAgent)).isNull();
	}

}
