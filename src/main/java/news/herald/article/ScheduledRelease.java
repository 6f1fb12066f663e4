package news.herald.article;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lifts embargoes: every {@code releaseInterval} this instance publishes the scheduled
 * articles that are due. Runs on a timer, never on a request thread; every instance runs
 * it and the row locks in {@link ArticlePublisher#releaseDue} make sure each article is
 * released by exactly one of them.
 */
@Component
class ScheduledRelease implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ScheduledRelease.class);

	private final ArticlePublisher publisher;

	private final Duration interval;

	private final int batch;

	private volatile Disposable timer;

	ScheduledRelease(ArticlePublisher publisher, PublishingProperties properties) {
		this.publisher = publisher;
		this.interval = properties.releaseInterval();
		this.batch = properties.releaseBatch();
	}

	@Override
	public void start() {
		this.timer = Flux.interval(this.interval, this.interval, Schedulers.parallel())
			// A slow round (a long database pause) skips ticks rather than queueing them.
			.onBackpressureDrop()
			.concatMap((tick) -> releaseAllDue(), 1)
			.subscribe();
	}

	/** Releases batch after batch until fewer than a full batch were due. */
	private Mono<Long> releaseAllDue() {
		return this.publisher.releaseDue(this.batch)
			.expand((released) -> (released < this.batch) ? Mono.empty() : this.publisher.releaseDue(this.batch))
			.reduce(0L, Long::sum)
			.doOnNext((released) -> {
				if (released > 0) {
					logger.info("Released " + released + " embargoed article(s)");
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Releasing embargoed articles failed (" + ex.getMessage() + "); retrying next round");
				return Mono.empty();
			});
	}

	@Override
	public void stop() {
		Disposable timer = this.timer;
		if (timer != null) {
			timer.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable timer = this.timer;
		return timer != null && !timer.isDisposed();
	}

}
