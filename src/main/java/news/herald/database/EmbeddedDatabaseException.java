package news.herald.database;

/**
 * The embedded PostgreSQL could not start; its message is meant for the person starting
 * Herald.
 */
public class EmbeddedDatabaseException extends RuntimeException {

	EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
