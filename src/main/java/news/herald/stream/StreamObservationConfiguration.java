package news.herald.stream;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Streams are left out of the {@code http.server.requests} observation: a stream's
 * "request duration" is its lifetime, which says nothing, and the observation's state
 * would be held for every open stream. {@link StreamMetrics} measures streams instead.
 */
@Configuration(proxyBeanMethods = false)
class StreamObservationConfiguration {

	@Bean
	ObservationPredicate streamsAreNotObservedAsRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& StreamFastPath.isStreamPath(request.getCarrier().getPath().pathWithinApplication().value()));
	}

}
