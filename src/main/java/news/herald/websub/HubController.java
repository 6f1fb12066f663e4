package news.herald.websub;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.http.BadRequestException;
import news.herald.http.Problems;
import news.herald.http.PublicUrls;
import news.herald.push.DestinationGuard;
import news.herald.push.DestinationRefusedException;
import news.herald.push.PushQueue;

/**
 * The hub's endpoint (§5.1): a subscribe or unsubscribe form is checked (topic, callback
 * and its address, secret, room left), answered 202, and then verified with the callback
 * in the background. The newsroom lists the subscriptions at
 * {@code /api/websub/subscriptions} with a publisher key.
 */
@RestController
class HubController {

	private final HubRequestReader reader;

	private final DestinationGuard guard;

	private final HubLimits limits;

	private final IntentVerifier verifier;

	private final SubscriptionRepository subscriptions;

	private final PushQueue queue;

	private final PublicUrls urls;

	private final WebSubProperties settings;

	HubController(HubRequestReader reader, DestinationGuard guard, HubLimits limits, IntentVerifier verifier,
			SubscriptionRepository subscriptions, PushQueue queue, PublicUrls urls, WebSubProperties settings) {
		this.reader = reader;
		this.guard = guard;
		this.limits = limits;
		this.verifier = verifier;
		this.subscriptions = subscriptions;
		this.queue = queue;
		this.urls = urls;
		this.settings = settings;
	}

	@PostMapping(path = WebSubConfiguration.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<ResponseEntity<Void>> request(ServerWebExchange exchange) {
		if (!this.settings.ownHub()) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "No hub here",
					"This Herald announces an external WebSub hub; subscribe there."), null);
		}
		String base = (this.urls.configured() != null) ? this.urls.configured() : this.urls.base(exchange.getRequest());
		return exchange.getFormData()
			.map((form) -> this.reader.read(form, base))
			.flatMap((request) -> this.guard.resolve(URI.create(request.callback()))
				.onErrorMap(DestinationRefusedException.class,
						(ex) -> new BadRequestException("hub.callback", "The callback is refused: " + ex.getMessage()))
				.thenReturn(request))
			.flatMap((request) -> request.subscribe() ? this.limits.refusal(request)
				.flatMap((reason) -> Mono.<HubRequest>error(new HubFullException(reason)))
				.defaultIfEmpty(request) : Mono.just(request))
			.doOnNext(this.verifier::verifyLater)
			.thenReturn(ResponseEntity.accepted().build());
	}

	@GetMapping("/api/websub/subscriptions")
	Mono<Map<String, Object>> list() {
		return this.queue.backlog(HubChannel.NAME)
			.collectMap(PushQueue.Backlog::subscriber, Function.identity())
			.flatMap((backlog) -> this.subscriptions.all()
				.map((subscription) -> SubscriptionView.of(subscription, backlog.get(subscription.id())))
				.collectList())
			.map((views) -> Map.of("subscriptions", views));
	}

	/**
	 * A subscription as the newsroom sees it: never its secret, only whether there is
	 * one.
	 */
	record SubscriptionView(String topic, String callback, boolean signed, int leaseSeconds, Instant verifiedAt,
			Instant expiresAt, long queuedDeliveries, long abandonedDeliveries) {

		static SubscriptionView of(Subscription subscription, PushQueue.Backlog backlog) {
			return new SubscriptionView(subscription.topic(), subscription.callback(), subscription.secret() != null,
					subscription.leaseSeconds(), subscription.verifiedAt(), subscription.expiresAt(),
					(backlog != null) ? backlog.queued() : 0, (backlog != null) ? backlog.abandoned() : 0);
		}

	}

}
