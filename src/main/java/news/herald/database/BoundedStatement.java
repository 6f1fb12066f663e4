package news.herald.database;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A statement whose first result, and each result's first row, must arrive within the
 * deadline; once the server answers, results and rows flow at the reader's pace.
 */
final class BoundedStatement implements Statement {

	private final Statement delegate;

	private final BoundedConnectionFactory bounds;

	BoundedStatement(Statement delegate, BoundedConnectionFactory bounds) {
		this.delegate = delegate;
		this.bounds = bounds;
	}

	@Override
	public Statement add() {
		this.delegate.add();
		return this;
	}

	@Override
	public Statement bind(int index, Object value) {
		this.delegate.bind(index, value);
		return this;
	}

	@Override
	public Statement bind(String name, Object value) {
		this.delegate.bind(name, value);
		return this;
	}

	@Override
	public Statement bindNull(int index, Class<?> type) {
		this.delegate.bindNull(index, type);
		return this;
	}

	@Override
	public Statement bindNull(String name, Class<?> type) {
		this.delegate.bindNull(name, type);
		return this;
	}

	@Override
	public Statement returnGeneratedValues(String... columns) {
		this.delegate.returnGeneratedValues(columns);
		return this;
	}

	@Override
	public Statement fetchSize(int rows) {
		this.delegate.fetchSize(rows);
		return this;
	}

	@Override
	public Publisher<? extends Result> execute() {
		Flux<Result> results = Flux.from(this.delegate.execute())
			.map((result) -> new BoundedResult(result, this.bounds));
		return results.timeout(Mono.delay(this.bounds.deadline()), (result) -> Mono.never(),
				Flux.error(() -> this.bounds.timedOut("to a statement")));
	}

}
