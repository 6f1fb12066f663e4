package news.herald.database;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;

/**
 * A connection whose every round trip (a statement's first result, a begin, a commit, a
 * rollback, a setting) is bounded by {@link BoundedConnectionFactory}'s deadline. Rows
 * after the first answer are not: a replay may be read as slowly as its client reads.
 * {@link #validate} and {@link #close} are left to the pool, which bounds validation
 * itself.
 */
final class BoundedConnection implements Connection, Wrapped<Connection> {

	private final Connection delegate;

	private final BoundedConnectionFactory bounds;

	BoundedConnection(Connection delegate, BoundedConnectionFactory bounds) {
		this.delegate = delegate;
		this.bounds = bounds;
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return this.bounds.bound(this.delegate.beginTransaction(), "to begin");
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return this.bounds.bound(this.delegate.beginTransaction(definition), "to begin");
	}

	@Override
	public Publisher<Void> close() {
		return this.delegate.close();
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return this.bounds.bound(this.delegate.commitTransaction(), "to commit");
	}

	@Override
	public Batch createBatch() {
		return this.delegate.createBatch();
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return this.bounds.bound(this.delegate.createSavepoint(name), "to a savepoint");
	}

	@Override
	public Statement createStatement(String sql) {
		return new BoundedStatement(this.delegate.createStatement(sql), this.bounds);
	}

	@Override
	public boolean isAutoCommit() {
		return this.delegate.isAutoCommit();
	}

	@Override
	public ConnectionMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public IsolationLevel getTransactionIsolationLevel() {
		return this.delegate.getTransactionIsolationLevel();
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return this.bounds.bound(this.delegate.releaseSavepoint(name), "to a savepoint release");
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return this.bounds.bound(this.delegate.rollbackTransaction(), "to a rollback");
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return this.bounds.bound(this.delegate.rollbackTransactionToSavepoint(name), "to a rollback");
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return this.bounds.bound(this.delegate.setAutoCommit(autoCommit), "to a setting");
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return this.bounds.bound(this.delegate.setLockWaitTimeout(timeout), "to a setting");
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return this.bounds.bound(this.delegate.setStatementTimeout(timeout), "to a setting");
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
		return this.bounds.bound(this.delegate.setTransactionIsolationLevel(isolationLevel), "to a setting");
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return this.delegate.validate(depth);
	}

	@Override
	public Connection unwrap() {
		return this.delegate;
	}

}
