package news.herald.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The prometheus-operator's {@code monitoring.coreos.com/v1 PodMonitor}: the part
 * Herald's manifests use, typed after the CRD.
 */
record PrometheusPodMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements CustomResource {

	@Override
	public List<String> problems() {
		if (this.spec == null || this.spec.selector() == null || this.spec.podMetricsEndpoints() == null
				|| this.spec.podMetricsEndpoints().isEmpty()) {
			return List.of("spec.selector and spec.podMetricsEndpoints are required");
		}
		return List.of();
	}

	record Spec(LabelSelector selector, List<Endpoint> podMetricsEndpoints, String jobLabel) {
	}

	record Endpoint(String port, String path, String interval, String scrapeTimeout, String scheme) {
	}

}
