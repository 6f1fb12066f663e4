package news.herald.system;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundSubscriptionTests {

	@Test
	void stopEndsTheSubscriptionAndStartBeginsANewOne() {
		Follower follower = new Follower();
		assertThat(follower.isRunning()).isFalse();
		follower.start();
		assertThat(follower.isRunning()).isTrue();
		assertThat(follower.source.currentSubscriberCount()).isEqualTo(1);
		follower.stop();
		assertThat(follower.isRunning()).isFalse();
		assertThat(follower.source.currentSubscriberCount()).isZero();
		follower.start();
		assertThat(follower.isRunning()).isTrue();
		assertThat(follower.source.currentSubscriberCount()).isEqualTo(1);
		follower.stop();
	}

	@Test
	void aSubclassThatSubscribesToNothingIsNotRunningAndStopsQuietly() {
		BackgroundSubscription idle = new BackgroundSubscription(SmartLifecycle.DEFAULT_PHASE) {

			@Override
			public void start() {
			}

		};
		idle.start();
		assertThat(idle.isRunning()).isFalse();
		idle.stop();
		assertThat(idle.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE);
	}

	@Test
	void aCompletedSubscriptionIsNotRunning() {
		BackgroundSubscription finite = new BackgroundSubscription(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN) {

			@Override
			public void start() {
				running(Flux.just(1).subscribe());
			}

		};
		finite.start();
		assertThat(finite.isRunning()).isFalse();
		assertThat(finite.getPhase()).isEqualTo(LifecyclePhases.ABOVE_GRACEFUL_SHUTDOWN);
	}

	static class Follower extends BackgroundSubscription {

		final Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();

		Follower() {
			super(LifecyclePhases.BELOW_WEB_SERVER);
		}

		@Override
		public void start() {
			running(this.source.asFlux().subscribe());
		}

	}

}
