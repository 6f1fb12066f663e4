package news.herald.push;

/**
 * A destination Herald will not connect to: a private address, a host that is not one.
 */
public class DestinationRefusedException extends RuntimeException {

	DestinationRefusedException(String message) {
		super(message);
	}

}
