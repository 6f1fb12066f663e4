package news.herald.push;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Which destinations the push engine connects to, by default and when allowed. */
class DestinationGuardTests {

	private static PushSettings settings(boolean allowPrivate) {
		return new PushSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 4, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), allowPrivate);
	}

	@Test
	void privateLoopbackLinkLocalAndMulticastAddressesAreRefusedByDefault() {
		DestinationGuard guard = new DestinationGuard(settings(false));
		for (String url : List.of("http://127.0.0.1:8080/cb", "http://localhost/cb", "http://10.1.2.3/cb",
				"http://172.16.0.1/cb", "http://192.168.1.1/cb", "http://169.254.169.254/latest/meta-data",
				"http://224.0.0.1/cb", "http://0.0.0.0/cb", "http://100.64.0.1/cb", "http://[::1]/cb",
				"http://[fd00::1]/cb", "http://[fe80::1]/cb", "http://[::ffff:10.0.0.1]/cb")) {
			StepVerifier.create(guard.resolve(URI.create(url)))
				.expectError(DestinationRefusedException.class)
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void aPublicAddressIsConnectedToAsCheckedUnderItsName() {
		DestinationGuard guard = new DestinationGuard(settings(false));
		StepVerifier.create(guard.resolve(URI.create("https://93.184.215.14/cb"))).assertNext((address) -> {
			assertThat(address.getAddress().getHostAddress()).isEqualTo("93.184.215.14");
			assertThat(address.getPort()).isEqualTo(443);
		}).verifyComplete();
	}

	@Test
	void loopbackIsAcceptedWhenAllowed() {
		DestinationGuard guard = new DestinationGuard(settings(true));
		StepVerifier.create(guard.resolve(URI.create("http://127.0.0.1:9/cb")))
			.assertNext((address) -> assertThat(address.getAddress().isLoopbackAddress()).isTrue())
			.verifyComplete();
	}

	@Test
	void onlyHttpAndHttpsAreAccepted() {
		DestinationGuard guard = new DestinationGuard(settings(true));
		StepVerifier.create(guard.resolve(URI.create("ftp://127.0.0.1/cb")))
			.expectError(DestinationRefusedException.class)
			.verify(Duration.ofSeconds(10));
	}

}
