package news.herald.deploy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * The Barman Cloud plugin's {@code barmancloud.cnpg.io/v1 ObjectStore}: where a
 * CloudNativePG cluster archives its WAL and base backups. The S3 form Herald uses, typed
 * after the plugin's API ({@code barman-cloud} {@code BarmanObjectStoreConfiguration}).
 */
record BarmanObjectStore(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements CustomResource {

	@Override
	public List<String> problems() {
		if (this.spec == null || this.spec.configuration() == null
				|| this.spec.configuration().destinationPath() == null) {
			return List.of("spec.configuration.destinationPath is required");
		}
		if (this.spec.configuration().serverName() != null) {
			// the plugin keeps the field for compatibility only; the Cluster names the
			// server
			return List.of("spec.configuration.serverName must stay empty");
		}
		return List.of();
	}

	record Spec(Configuration configuration, String retentionPolicy) {
	}

	record Configuration(String destinationPath, String endpointURL, String serverName, S3Credentials s3Credentials,
			Wal wal, Data data, Map<String, String> tags) {
	}

	record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey, SecretKeySelector region,
			Boolean inheritFromIAMRole) {
	}

	record Wal(WalCompression compression, Integer maxParallel) {
	}

	record Data(DataCompression compression, Integer jobs, Boolean immediateCheckpoint) {
	}

	enum WalCompression {

		@JsonProperty("bzip2")
		BZIP2, @JsonProperty("gzip")
		GZIP, @JsonProperty("lz4")
		LZ4, @JsonProperty("snappy")
		SNAPPY, @JsonProperty("xz")
		XZ, @JsonProperty("zstd")
		ZSTD

	}

	enum DataCompression {

		@JsonProperty("bzip2")
		BZIP2, @JsonProperty("gzip")
		GZIP, @JsonProperty("lz4")
		LZ4, @JsonProperty("snappy")
		SNAPPY

	}

}
