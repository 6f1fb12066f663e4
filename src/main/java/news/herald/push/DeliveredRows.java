package news.herald.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Deliveries that reached their destination, taken off the queue together: one
 * {@code delete} per batch of up to {@value #BATCH} rows, made when a batch is full or on
 * the worker's short timer, instead of a round trip per delivery that holds a slot. Until
 * its row is deleted a delivery stays claimed under its lease, which no instance takes
 * before it runs out; should the instance die first, the delivery comes due again after
 * the lease and is sent twice, never lost.
 */
final class DeliveredRows {

	static final int BATCH = 500;

	/** How long a delivered row may wait for its batch; far below any claim lease. */
	static final Duration FLUSH_EVERY = Duration.ofMillis(50);

	private static final Log logger = LogFactory.getLog(DeliveredRows.class);

	private final PushQueue queue;

	private final Queue<Long> ids = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicBoolean deleting = new AtomicBoolean();

	DeliveredRows(PushQueue queue) {
		this.queue = queue;
	}

	void add(long id) {
		this.ids.add(id);
		if (this.pending.incrementAndGet() >= BATCH) {
			flush();
		}
	}

	/**
	 * Deletes the pending rows, a batch at a time, one statement in flight: rows
	 * delivered meanwhile join the next batch.
	 */
	void flush() {
		if (!this.deleting.compareAndSet(false, true)) {
			return;
		}
		List<Long> batch = drain(BATCH);
		if (batch.isEmpty()) {
			this.deleting.set(false);
			return;
		}
		this.queue.delivered(batch).subscribe(null, (ex) -> {
			// Kept for the next flush; should the lease run out first, they are sent
			// again.
			logger.warn("Could not take " + batch.size() + " delivered push deliveries off the queue ("
					+ ex.getMessage() + "); retrying");
			requeue(batch);
			this.deleting.set(false);
		}, () -> {
			this.deleting.set(false);
			if (this.pending.get() >= BATCH) {
				flush();
			}
		});
	}

	/**
	 * Deletes every pending row and waits for it, at most {@code timeout}: for the thread
	 * that stops the worker, so a restart does not resend what was delivered.
	 */
	void flushNow(Duration timeout) {
		List<Long> all = drain(Integer.MAX_VALUE);
		if (all.isEmpty()) {
			return;
		}
		try {
			this.queue.delivered(all).block(timeout);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not take " + all.size() + " delivered push deliveries off the queue while stopping ("
					+ ex.getMessage() + "); they will be sent again after their lease");
			requeue(all);
		}
	}

	private List<Long> drain(int max) {
		List<Long> batch = new ArrayList<>(Math.min(max, BATCH));
		Long id;
		while (batch.size() < max && (id = this.ids.poll()) != null) {
			batch.add(id);
		}
		this.pending.addAndGet(-batch.size());
		return batch;
	}

	private void requeue(List<Long> batch) {
		this.ids.addAll(batch);
		this.pending.addAndGet(batch.size());
	}

}
