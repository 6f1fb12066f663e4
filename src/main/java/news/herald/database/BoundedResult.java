package news.herald.database;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A result whose first row (or its end, or its count) must arrive within the deadline.
 * The driver hands out the result of a statement with bound parameters before the server
 * has said anything, so this is where a frozen server is noticed.
 */
final class BoundedResult implements Result {

	private final Result delegate;

	private final BoundedConnectionFactory bounds;

	BoundedResult(Result delegate, BoundedConnectionFactory bounds) {
		this.delegate = delegate;
		this.bounds = bounds;
	}

	@Override
	public Publisher<Long> getRowsUpdated() {
		return firstWithinDeadline(this.delegate.getRowsUpdated());
	}

	@Override
	public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
		return firstWithinDeadline(this.delegate.map(mapping));
	}

	@Override
	public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
		return firstWithinDeadline(this.delegate.map(mapping));
	}

	@Override
	public Result filter(Predicate<Segment> filter) {
		return new BoundedResult(this.delegate.filter(filter), this.bounds);
	}

	@Override
	public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
		return firstWithinDeadline(this.delegate.flatMap(mapping));
	}

	/** Rows after the first flow at the reader's pace: a replay may be read slowly. */
	private <T> Flux<T> firstWithinDeadline(Publisher<T> rows) {
		return Flux.from(rows)
			.timeout(Mono.delay(this.bounds.deadline()), (row) -> Mono.never(),
					Flux.error(() -> this.bounds.timedOut("to a statement")));
	}

}
