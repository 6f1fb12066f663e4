package news.herald.deploy;

import java.io.IOException;
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
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.convert.DurationStyle;

import news.herald.deploy.KubernetesSchema.InvalidManifestException;

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

	private static final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

	private final KubernetesSchema schema = new KubernetesSchema();

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyObjectMatchesTheKubernetesApiSchema(String overlay) {
		Rendered objects = render(overlay);
		assertThat(objects.kinds()).contains("Namespace", "ServiceAccount", "ConfigMap", "Service", "Deployment",
				"Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Cluster");
		assertThat(objects.all(HasMetadata.class)).filteredOn((object) -> !object.getKind().equals("Namespace"))
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).as(object.getKind() + " namespace")
				.isEqualTo(objects.namespace()));
		assertThat(objects.one(CloudNativePgCluster.class).metadata().getNamespace()).isEqualTo(objects.namespace());
	}

	@Test
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
		assertThat(probeTarget(herald, herald.getReadinessProbe())).isEqualTo(new ProbeTarget("/readyz", serverPort));
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
	void streamsAreProxiedUnbufferedWithAReadTimeoutAboveTheHeartbeat(String overlay) {
		Rendered objects = render(overlay);
		Ingress stream = objects.ingressServing("/stream");
		Map<String, String> annotations = stream.getMetadata().getAnnotations();
		assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
		Duration heartbeat = objects.environment().containsKey("HERALD_STREAM_HEARTBEAT")
				? DurationStyle.detectAndParse(objects.environment().get("HERALD_STREAM_HEARTBEAT"))
				: applicationDefault("HERALD_STREAM_HEARTBEAT").map(DurationStyle::detectAndParse)
					.orElse(DEFAULT_HEARTBEAT);
		assertThat(
				Duration.ofSeconds(Long.parseLong(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))))
			.isGreaterThan(heartbeat.multipliedBy(2));
		// the feeds keep nginx's buffering; compression is Herald's, never the proxy's
		assertThat(objects.ingressServing("/").getMetadata().getAnnotations())
			.doesNotContainKey("nginx.ingress.kubernetes.io/proxy-buffering");
		for (Ingress ingress : objects.all(Ingress.class)) {
			assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
			assertThat(String.valueOf(ingress.getMetadata().getAnnotations())).doesNotContain("gzip");
		}
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
		for (Ingress ingress : objects.all(Ingress.class)) {
			ingress.getSpec().getRules().forEach((rule) -> rule.getHttp().getPaths().forEach((path) -> {
				assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
				assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
			}));
		}
		HorizontalPodAutoscaler autoscaler = objects.one(HorizontalPodAutoscaler.class);
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
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
		assertThat(prod.deployment().getSpec().getReplicas()).isEqualTo(3);
		CloudNativePgCluster cluster = prod.one(CloudNativePgCluster.class);
		assertThat(cluster.spec().instances()).isEqualTo(3);
		assertThat(cluster.spec().postgresql().synchronous().dataDurability())
			.isEqualTo(CloudNativePgCluster.DataDurability.REQUIRED);
		assertThat(cluster.spec().affinity().enablePodAntiAffinity()).isTrue();
		assertThat(prod.all(Ingress.class))
			.allSatisfy((ingress) -> assertThat(ingress.getSpec().getTls()).isNotEmpty());
		assertThat(prod.environment()).containsEntry("HERALD_LOG_FORMAT", "json")
			.containsEntry("HERALD_DEMO_CONTENT", "false");
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

		Ingress ingressServing(String prefix) {
			return all(Ingress.class).stream()
				.filter((ingress) -> ingress.getSpec()
					.getRules()
					.stream()
					.flatMap((rule) -> rule.getHttp().getPaths().stream())
					.anyMatch((path) -> Objects.equals(path.getPath(), prefix)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Ingress routes " + prefix));
		}

	}

}
