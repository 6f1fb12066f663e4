package news.herald.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an embedded-database start failure into one readable message instead of a stack
 * trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the other process, or point Herald elsewhere with HERALD_DB_EMBEDDED_PORT, "
						+ "HERALD_DB_EMBEDDED_DATA_DIR or an external database (HERALD_DB_URL).",
				null);
	}

}
