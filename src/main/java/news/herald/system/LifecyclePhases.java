package news.herald.system;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Where Herald's long-running parts start and stop relative to the web server. Lower
 * phases start earlier and stop later. Spring Boot starts the server at
 * {@code DEFAULT_PHASE - 2048} and, on shutdown, waits for open requests at
 * {@code DEFAULT_PHASE - 1024}.
 */
public final class LifecyclePhases {

	/**
	 * Spring Boot's {@code WebServerStartStopLifecycle}, which is not public: the server
	 * accepts connections from here on.
	 */
	private static final int WEB_SERVER = SmartLifecycle.DEFAULT_PHASE - 2048;

	/**
	 * Below the web server: runs before the first request is served and stops only after
	 * the server has drained its streams. The event relay, so a stream opened at start-up
	 * cannot miss an event committed between its history read and the relay's start.
	 */
	public static final int BELOW_WEB_SERVER = WEB_SERVER - 2048;

	/**
	 * After the event relay has fixed the point it relays from, before the web server
	 * takes the first request: what must be loaded from that point on before anyone asks
	 * (the streams' window of recent events).
	 */
	public static final int BEFORE_WEB_SERVER = WEB_SERVER - 1024;

	/**
	 * Above the web server's graceful shutdown: starts after the event relay (so its
	 * {@code lastDelivered()} is a real barrier) and stops before the server waits for
	 * open requests, which an open stream would otherwise hold up until its timeout. The
	 * relay's followers and the stream registry.
	 */
	public static final int ABOVE_GRACEFUL_SHUTDOWN = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

	private LifecyclePhases() {
	}

}
