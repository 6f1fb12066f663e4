package news.herald.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

class LifecyclePhasesTests {

	/**
	 * Spring Boot's reactive WebServerStartStopLifecycle phase (its class is not public).
	 */
	private static final int WEB_SERVER_START_STOP = SmartLifecycle.DEFAULT_PHASE - 2048;

	@Test
	void eventRelayStartsBeforeTheWebServerServes() {
		assertThat(LifecyclePhases.BELOW_WEB_SERVER).isLessThan(WEB_SERVER_START_STOP);
	}

	@Test
	void followersStopBeforeTheGracefulShutdownWaitsForRequests() {
		// Stop runs from the highest phase down.
		assertThat(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN)
			.isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
			.isGreaterThan(LifecyclePhases.BELOW_WEB_SERVER)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE);
	}

}
