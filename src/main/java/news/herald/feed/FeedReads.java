package news.herald.feed;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Told of every feed request answered with the feed, its delta or its 304, as the answer
 * starts: its status is set and not a byte of it has left. Called on the request's own
 * thread for every feed answer, so it must be quick and must never block. The audience
 * feature counts followers with it; a refusal or an error is never told.
 */
@FunctionalInterface
public interface FeedReads {

	/** Nobody is told. */
	FeedReads NONE = (request) -> {
	};

	void read(ServerHttpRequest request);

}
