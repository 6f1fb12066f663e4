package news.herald.push;

import org.springframework.http.HttpHeaders;

/**
 * A push protocol riding on the engine: its name tags its rows and metrics, and it adds
 * what it needs to each request (a signature) before the engine sends it.
 */
public interface PushChannel {

	/** Tags this protocol's payloads, deliveries and metrics. */
	String name();

	/**
	 * Adds this protocol's headers for one destination.
	 * @param headers the request's headers, the payload's already set
	 * @param body the exact bytes to be sent
	 * @param secret the destination's secret, null if it gave none
	 */
	void sign(HttpHeaders headers, byte[] body, String secret);

}
