package news.herald.system;

import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;

/**
 * A subscription that runs while the application context does: the subclass subscribes in
 * {@link #start()} and hands the subscription to {@link #running(Disposable)}, and
 * {@link #stop()} disposes of it. A stopped context may be started again (the test
 * framework pauses contexts between uses), so {@code start()} may run more than once. A
 * subclass that subscribes to nothing (a feature switched off) is simply not running.
 */
public abstract class BackgroundSubscription implements SmartLifecycle {

	private final int phase;

	private volatile Disposable subscription;

	protected BackgroundSubscription(int phase) {
		this.phase = phase;
	}

	/** Keeps the subscription that {@link #stop()} will end. */
	protected final void running(Disposable subscription) {
		this.subscription = subscription;
	}

	@Override
	public void stop() {
		Disposable subscription = this.subscription;
		if (subscription != null) {
			subscription.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable subscription = this.subscription;
		return subscription != null && !subscription.isDisposed();
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
