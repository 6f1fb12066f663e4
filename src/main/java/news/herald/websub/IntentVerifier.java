package news.herald.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

import news.herald.push.PushClient;
import news.herald.push.PushQueue;

/**
 * Verification of intent (§5.3): after the 202, the callback is asked to echo a random
 * challenge; only a 2xx with exactly that body makes the (un)subscription happen. A
 * subscribe the hub can no longer take is denied to the callback (§5.2).
 */
@Component
class IntentVerifier {

	private static final Log logger = LogFactory.getLog(IntentVerifier.class);

	private static final SecureRandom random = new SecureRandom();

	private final PushClient client;

	private final SubscriptionRepository subscriptions;

	private final HubLimits limits;

	private final PushQueue queue;

	private final LeaseSweeper leases;

	IntentVerifier(PushClient client, SubscriptionRepository subscriptions, HubLimits limits, PushQueue queue,
			LeaseSweeper leases) {
		this.client = client;
		this.subscriptions = subscriptions;
		this.limits = limits;
		this.queue = queue;
		this.leases = leases;
	}

	/** Verifies in the background; the subscriber already has its 202. */
	void verifyLater(HubRequest request) {
		verify(request).subscribe(null, (ex) -> logger
			.warn("Could not complete the " + request.mode() + " of " + request.callback() + ": " + ex.getMessage()));
	}

	/** Verifies and applies the request; whether the callback confirmed it. */
	Mono<Boolean> verify(HubRequest request) {
		// SecureRandom may read the entropy pool: not on an event loop.
		return Mono.fromCallable(IntentVerifier::challenge)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((challenge) -> this.client.get(URI.create(verification(request, challenge)))
				.map((answer) -> answer.successful() && challenge.equals(answer.body())))
			.onErrorResume((ex) -> {
				logger.info("Intent verification of " + request.callback() + " failed: " + ex.getMessage());
				return Mono.just(false);
			})
			.flatMap((confirmed) -> confirmed ? apply(request).thenReturn(true) : Mono.just(false));
	}

	private Mono<Void> apply(HubRequest request) {
		if (!request.subscribe()) {
			return this.subscriptions.delete(request.topic(), request.callback())
				.flatMap((id) -> this.queue.cancel(HubChannel.NAME, id))
				.then(this.leases.recount());
		}
		return this.limits.refusal(request)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((refusal) -> refusal.isPresent() ? deny(request, refusal.get())
					: this.subscriptions.save(request, request.leaseSeconds()).then())
			.then(this.leases.recount());
	}

	/** §5.2: tells the callback its subscription was refused. */
	Mono<Void> deny(HubRequest request, String reason) {
		String url = request.callback() + (request.callback().contains("?") ? "&" : "?") + "hub.mode=denied&hub.topic="
				+ encode(request.asked()) + "&hub.reason=" + encode(reason);
		return this.client.get(URI.create(url)).onErrorResume((ex) -> Mono.empty()).then();
	}

	private static String verification(HubRequest request, String challenge) {
		String url = request.callback() + (request.callback().contains("?") ? "&" : "?") + "hub.mode=" + request.mode()
				+ "&hub.topic=" + encode(request.asked()) + "&hub.challenge=" + encode(challenge);
		return request.subscribe() ? url + "&hub.lease_seconds=" + request.leaseSeconds() : url;
	}

	private static String challenge() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
