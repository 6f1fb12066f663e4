package news.herald.websub;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** The subscription limits: in total, per topic and per callback host. */
@Component
class HubLimits {

	private final SubscriptionRepository subscriptions;

	private final WebSubProperties settings;

	HubLimits(SubscriptionRepository subscriptions, WebSubProperties settings) {
		this.subscriptions = subscriptions;
		this.settings = settings;
	}

	/** Why the request does not fit, empty when it does (a renewal always fits). */
	Mono<String> refusal(HubRequest request) {
		return this.subscriptions.occupancy(request).mapNotNull((taken) -> {
			if (taken.total() >= this.settings.maxSubscriptions()) {
				return "The hub holds its maximum of " + this.settings.maxSubscriptions() + " subscriptions.";
			}
			if (taken.perTopic() >= this.settings.maxSubscriptionsPerTopic()) {
				return "This topic has its maximum of " + this.settings.maxSubscriptionsPerTopic() + " subscriptions.";
			}
			if (taken.perHost() >= this.settings.maxSubscriptionsPerHost()) {
				return "Callbacks on " + request.callbackHost() + " hold their maximum of "
						+ this.settings.maxSubscriptionsPerHost() + " subscriptions.";
			}
			return null;
		});
	}

}
