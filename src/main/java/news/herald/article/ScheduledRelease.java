package news.herald.article;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import news.herald.system.BackgroundSubscription;

/**
 * Lifts embargoes: every {@code releaseInterval} this instance publishes the scheduled
 * articles that are due. Runs on a timer, never on a request thread; every instance runs
 * it and the row locks in {@link ArticlePublisher#releaseDue} make sure each article is
 * released by exactly one of them.
 */
@Component
class ScheduledRelease extends BackgroundSubscription {

	private static final Log logger = LogFactory.getLog(ScheduledRelease.class);

	private final ArticlePublisher publisher;

	private final Duration interval;

	private final int batch;

	ScheduledRelease(ArticlePublisher publisher, PublishingProperties properties) {
		// Spring's default phase, after the web server has started: nothing needs the
		// releases to run any earlier.
		super(SmartLifecycle.DEFAULT_PHASE);
		this.publisher = publisher;
		this.interval = properties.releaseInterval();
		this.batch = properties.releaseBatch();
	}

	@Override
	public void start() {
		running(Flux.interval(this.interval, this.interval, Schedulers.parallel())
			// A slow round (a long database pause) skips ticks rather than queueing them.
			.onBackpressureDrop()
			.concatMap((tick) -> releaseAllDue(), 1)
			.subscribe());
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

}
