package news.herald.audience;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import news.herald.http.ClientAddress;
import news.herald.http.TrustedProxies;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceCounterTests {

	private static final Instant DAY_ONE = Instant.parse("2026-03-01T23:59:59Z");

	private final MovableClock clock = new MovableClock(DAY_ONE);

	private final AudienceCounter counter = new AudienceCounter(this.clock,
			new ClientAddress(TrustedProxies.of("herald.http.trusted-proxies", List.of("10.0.0.0/8"))),
			new AudienceProperties(true, Duration.ofMinutes(1), Duration.ofDays(400), "", 2000));

	AudienceCounterTests() {
		this.counter.salt(new byte[] { 1, 2, 3 });
	}

	@Test
	void aFeedCountsIntoANewDayAtMidnightUtc() {
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "newsboat/2.36"));
		this.clock.now = DAY_ONE.plusSeconds(1);
		this.counter.count(request("/feeds/rss.xml", "203.0.113.2", "newsboat/2.36"));
		this.counter.count(request("/feeds/rss.xml", "203.0.113.3", "newsboat/2.36"));

		assertThat(clients(LocalDate.parse("2026-03-01"))).isEqualTo(1);
		assertThat(clients(LocalDate.parse("2026-03-02"))).isEqualTo(2);
	}

	@Test
	void aForgottenDayIsNeverCountedIntoAgain() {
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "newsboat/2.36"));
		AudienceCounter.Key dayOne = key(LocalDate.parse("2026-03-01"));
		this.counter.forget(dayOne, this.counter.tallies().get(dayOne));
		// A clock stepped back must not count into the tally the flush has let go of.
		this.counter.count(request("/feeds/rss.xml", "203.0.113.2", "newsboat/2.36"));

		assertThat(clients(LocalDate.parse("2026-03-01"))).isEqualTo(1);
	}

	@Test
	void theSameClientIsOneClientAndAddressOrAgentMakeAnother() {
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "newsboat/2.36"));
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "newsboat/2.36"));
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "NetNewsWire/6.1"));
		this.counter.count(request("/feeds/rss.xml", "2001:db8::1", "newsboat/2.36"));
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", null));
		// Not ISO-8859-1, so written as a marked pair: still a distinct client.
		this.counter.count(request("/feeds/rss.xml", "203.0.113.1", "newsboat/2.36 \u0416"));

		assertThat(clients(LocalDate.parse("2026-03-01"))).isEqualTo(5);
	}

	@Test
	void behindATrustedProxyTheForwardedClientCounts() {
		this.counter.count(request("/feeds/rss.xml", "10.0.0.5", "newsboat/2.36", "198.51.100.7"));
		this.counter.count(request("/feeds/rss.xml", "10.0.0.6", "newsboat/2.36", "198.51.100.7"));

		assertThat(clients(LocalDate.parse("2026-03-01"))).isEqualTo(1);
	}

	@Test
	void pagingParametersNameTheSameFeed() {
		this.counter.count(request("/feeds/kazakhstan/atom.xml?cursor=12", "203.0.113.1", "newsboat/2.36"));
		this.counter.count(request("/feeds/kazakhstan/atom.xml", "203.0.113.2", "newsboat/2.36"));

		assertThat(this.counter.tallies()).hasSize(1);
		assertThat(this.counter.tallies().keySet().iterator().next().feed())
			.isEqualTo(new AudienceFeed("kazakhstan", "atom.xml", ""));
	}

	private long clients(LocalDate day) {
		DayTally tally = this.counter.tallies().get(key(day));
		return (tally != null) ? ClientSketch.estimate(List.of(tally.clients.toBytes())) : 0;
	}

	private static AudienceCounter.Key key(LocalDate day) {
		return new AudienceCounter.Key(day, new AudienceFeed(AudienceFeed.OUTLET, "rss.xml", ""));
	}

	private static MockServerHttpRequest request(String uri, String peer, String agent, String... forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(uri)
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (agent != null) {
			request.header("User-Agent", agent);
		}
		if (forwardedFor.length > 0) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return request.build();
	}

	private static final class MovableClock extends java.time.Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
