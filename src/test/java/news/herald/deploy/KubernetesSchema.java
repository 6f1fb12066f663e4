package news.herald.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The Kubernetes API schema, offline: every document is read into the typed API model
 * (fabric8's classes, generated from the Kubernetes and Gateway API OpenAPI schemas; a
 * {@link CustomResource} record per operator CRD: CloudNativePG, its Barman Cloud plugin,
 * cert-manager, the prometheus-operator) with unknown fields and loose scalar types
 * rejected, as the API server rejects them. A misspelt field, a number where the API
 * wants a string or a kind this deployment does not know fails with its path.
 */
final class KubernetesSchema {

	private static final Map<String, Class<?>> KINDS = Map.ofEntries(Map.entry("v1/Namespace", Namespace.class),
			Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("v1/ConfigMap", ConfigMap.class),
			Map.entry("v1/Secret", Secret.class), Map.entry("v1/Service", Service.class),
			Map.entry("apps/v1/Deployment", Deployment.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
			Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
			Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePgCluster.class),
			Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CloudNativePgScheduledBackup.class),
			Map.entry("barmancloud.cnpg.io/v1/ObjectStore", BarmanObjectStore.class),
			Map.entry("cert-manager.io/v1/Certificate", CertManagerCertificate.class),
			Map.entry("monitoring.coreos.com/v1/PodMonitor", PrometheusPodMonitor.class));

	// RFC 1123 subdomain, what metadata.name must be for these kinds
	private static final Pattern NAME = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private final JsonMapper strict = JsonMapper.builder()
		.annotationIntrospector(new NoCatchAllIntrospector())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.withCoercionConfig(LogicalType.Textual, (config) -> {
			config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		})
		.build();

	/** The typed object, or an {@link InvalidManifestException} naming what is wrong. */
	Object validate(Map<String, Object> document) {
		Object apiVersion = document.get("apiVersion");
		Object kind = document.get("kind");
		Class<?> type = KINDS.get(apiVersion + "/" + kind);
		if (type == null) {
			throw new InvalidManifestException("no schema for apiVersion " + apiVersion + " kind " + kind + " (known: "
					+ KINDS.keySet().stream().sorted().toList() + ")");
		}
		Object typed;
		try {
			typed = this.strict.convertValue(document, type);
		}
		catch (RuntimeException ex) {
			throw new InvalidManifestException(kind + " " + name(document) + ": " + ex.getMessage(), ex);
		}
		List<String> problems = new ArrayList<>();
		String name = (typed instanceof HasMetadata resource) ? resource.getMetadata().getName()
				: ((CustomResource) typed).metadata().getName();
		if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
			problems.add("metadata.name '" + name + "' is not a valid name");
		}
		if (typed instanceof CustomResource resource) {
			problems.addAll(resource.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidManifestException(kind + " " + name + ": " + String.join("; ", problems));
		}
		return typed;
	}

	private static Object name(Map<String, Object> document) {
		return (document.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("name") : null;
	}

	/**
	 * The model classes keep unknown fields in an "additionalProperties" map; without
	 * that catch-all an unknown field is an error, as it is for the API server.
	 */
	private static final class NoCatchAllIntrospector extends JacksonAnnotationIntrospector {

		@Override
		public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
			return Boolean.FALSE;
		}

	}

	static final class InvalidManifestException extends RuntimeException {

		InvalidManifestException(String message) {
			super(message);
		}

		InvalidManifestException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
