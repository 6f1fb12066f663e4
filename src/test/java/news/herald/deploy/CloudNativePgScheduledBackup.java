package news.herald.deploy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * CloudNativePG's {@code postgresql.cnpg.io/v1 ScheduledBackup}, typed after the 1.30
 * CRD.
 */
record CloudNativePgScheduledBackup(String apiVersion, String kind, ObjectMeta metadata,
		Spec spec) implements CustomResource {

	@Override
	public List<String> problems() {
		if (this.spec == null || this.spec.schedule() == null || this.spec.cluster() == null) {
			return List.of("spec.schedule and spec.cluster are required");
		}
		// the operator's cron has six fields, seconds first
		if (this.spec.schedule().strip().split("\\s+").length != 6) {
			return List.of("spec.schedule needs six fields (seconds first): " + this.spec.schedule());
		}
		if (this.spec.method() == Method.PLUGIN && this.spec.pluginConfiguration() == null) {
			return List.of("method plugin needs spec.pluginConfiguration");
		}
		return List.of();
	}

	record Spec(String schedule, Boolean suspend, Boolean immediate, ClusterReference cluster,
			BackupOwnerReference backupOwnerReference, Target target, Method method,
			PluginConfiguration pluginConfiguration, Boolean online) {
	}

	record ClusterReference(String name) {
	}

	record PluginConfiguration(String name, java.util.Map<String, String> parameters) {
	}

	enum BackupOwnerReference {

		@JsonProperty("none")
		NONE, @JsonProperty("self")
		SELF, @JsonProperty("cluster")
		CLUSTER

	}

	enum Target {

		@JsonProperty("primary")
		PRIMARY, @JsonProperty("prefer-standby")
		PREFER_STANDBY

	}

	enum Method {

		@JsonProperty("barmanObjectStore")
		BARMAN_OBJECT_STORE, @JsonProperty("volumeSnapshot")
		VOLUME_SNAPSHOT, @JsonProperty("plugin")
		PLUGIN

	}

}
