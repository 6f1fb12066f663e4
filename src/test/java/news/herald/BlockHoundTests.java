package news.herald;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the test JVM catches blocking calls on reactor threads, so other tests can rely
 * on it.
 */
class BlockHoundTests {

	@Test
	void blockingOnAReactorThreadFails() {
		Mono<String> sleeping = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(sleeping)
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("Blocking call"))
			.verify(Duration.ofSeconds(5));
	}

}
