package news.herald.stream;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamRegistryTests {

	private final StreamProperties properties = new StreamProperties(3, 2, Duration.ofSeconds(15), Duration.ofDays(7),
			8, Duration.ofSeconds(5), 4096, Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
			Duration.ofSeconds(10), 10);

	private final StreamRegistry registry = new StreamRegistry(this.properties,
			new StreamMetrics(new SimpleMeterRegistry(), java.time.Clock.systemUTC()));

	@Test
	void refusesTheThirdStreamFromOneAddressUntilOneCloses() {
		Runnable first = this.registry.admit("192.0.2.1");
		this.registry.admit("192.0.2.1");
		assertThatExceptionOfType(StreamRefusedException.class).isThrownBy(() -> this.registry.admit("192.0.2.1"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(429);
				assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
			});
		first.run();
		first.run();
		assertThat(this.registry.openStreams()).isEqualTo(1);
		this.registry.admit("192.0.2.1");
	}

	@Test
	void refusesBeyondTheInstanceLimit() {
		this.registry.admit("192.0.2.1");
		this.registry.admit("192.0.2.2");
		this.registry.admit("192.0.2.3");
		assertThatExceptionOfType(StreamRefusedException.class).isThrownBy(() -> this.registry.admit("192.0.2.4"))
			.satisfies((ex) -> assertThat(ex.getBody().getTitle()).isEqualTo("Too many streams"));
		assertThat(this.registry.openStreams()).isEqualTo(3);
	}

	@Test
	void stoppingEndsOpenStreamsAndRefusesNewOnesWith503() {
		StepVerifier.create(this.registry.closing())
			.then(this.registry::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThatExceptionOfType(StreamRefusedException.class).isThrownBy(() -> this.registry.admit("192.0.2.1"))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
	}

}
