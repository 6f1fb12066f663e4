package news.herald.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster} schema that Herald's
 * manifests use, typed strictly: a field the operator does not know, or an enumerated
 * value it does not accept, fails to read. Field names and allowed values follow the
 * operator's CRD (CloudNativePG 1.30).
 */
record CloudNativePgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements CustomResource {

	@Override
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.spec == null) {
			problems.add("spec is required");
			return problems;
		}
		if (this.spec.instances() == null || this.spec.instances() < 1) {
			problems.add("spec.instances must be at least 1");
		}
		if (this.spec.storage() == null || this.spec.storage().size() == null) {
			problems.add("spec.storage.size is required");
		}
		Synchronous synchronous = (this.spec.postgresql() != null) ? this.spec.postgresql().synchronous() : null;
		if (synchronous != null && (synchronous.number() == null || synchronous.number() < 1
				|| synchronous.number() >= this.spec.instances())) {
			problems.add("spec.postgresql.synchronous.number must be between 1 and instances - 1");
		}
		if (this.spec.plugins() != null && this.spec.plugins()
			.stream()
			.filter((plugin) -> Boolean.TRUE.equals(plugin.isWALArchiver()))
			.count() > 1) {
			problems.add("at most one plugin may be the WAL archiver");
		}
		Bootstrap bootstrap = this.spec.bootstrap();
		if (bootstrap != null && bootstrap.initdb() != null && bootstrap.recovery() != null) {
			problems.add("spec.bootstrap takes initdb or recovery, not both");
		}
		if (bootstrap != null && bootstrap.recovery() != null
				&& (this.spec.externalClusters() == null || this.spec.externalClusters()
					.stream()
					.noneMatch((cluster) -> cluster.name().equals(bootstrap.recovery().source())))) {
			problems.add("spec.bootstrap.recovery.source names no external cluster");
		}
		return problems;
	}

	record Spec(Integer instances, String imageName, String description, PrimaryUpdateStrategy primaryUpdateStrategy,
			PrimaryUpdateMethod primaryUpdateMethod, Boolean enableSuperuserAccess, PostgresConfiguration postgresql,
			Bootstrap bootstrap, Storage storage, ResourceRequirements resources, Affinity affinity,
			List<Plugin> plugins, List<ExternalCluster> externalClusters) {
	}

	/** A CNPG-I plugin, such as Barman Cloud's, with its parameters. */
	record Plugin(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
	}

	record ExternalCluster(String name, Map<String, String> connectionParameters, ExternalPlugin plugin) {
	}

	record ExternalPlugin(String name, Map<String, String> parameters) {
	}

	enum PrimaryUpdateStrategy {

		@JsonProperty("unsupervised")
		UNSUPERVISED, @JsonProperty("supervised")
		SUPERVISED

	}

	enum PrimaryUpdateMethod {

		@JsonProperty("switchover")
		SWITCHOVER, @JsonProperty("restart")
		RESTART

	}

	record PostgresConfiguration(Map<String, String> parameters, Synchronous synchronous) {
	}

	record Synchronous(SynchronousMethod method, Integer number, DataDurability dataDurability,
			Boolean failoverQuorum) {
	}

	enum SynchronousMethod {

		@JsonProperty("any")
		ANY, @JsonProperty("first")
		FIRST

	}

	enum DataDurability {

		@JsonProperty("required")
		REQUIRED, @JsonProperty("preferred")
		PREFERRED

	}

	record Bootstrap(InitDb initdb, Recovery recovery) {
	}

	record Recovery(String source, String database, String owner, SecretReference secret,
			RecoveryTarget recoveryTarget) {
	}

	record RecoveryTarget(String targetTime, String targetLSN, String targetName, String targetXID,
			Boolean targetImmediate, Boolean exclusive) {
	}

	record InitDb(String database, String owner, SecretReference secret) {
	}

	record SecretReference(String name) {
	}

	record Storage(Quantity size, String storageClass) {
	}

	record Affinity(Boolean enablePodAntiAffinity, String topologyKey, PodAntiAffinityType podAntiAffinityType) {
	}

	enum PodAntiAffinityType {

		@JsonProperty("preferred")
		PREFERRED, @JsonProperty("required")
		REQUIRED

	}

}
