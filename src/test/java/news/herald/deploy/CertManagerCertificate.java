package news.herald.deploy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * cert-manager's {@code cert-manager.io/v1 Certificate}: the part Herald's manifests use,
 * typed after the CRD, so a misspelt field or an unknown key algorithm fails to read.
 */
record CertManagerCertificate(String apiVersion, String kind, ObjectMeta metadata,
		Spec spec) implements CustomResource {

	@Override
	public List<String> problems() {
		if (this.spec == null || this.spec.secretName() == null || this.spec.issuerRef() == null
				|| this.spec.issuerRef().name() == null) {
			return List.of("spec.secretName and spec.issuerRef.name are required");
		}
		if (this.spec.dnsNames() == null || this.spec.dnsNames().isEmpty()) {
			return List.of("spec.dnsNames: a certificate for the Gateway names its host");
		}
		return List.of();
	}

	record Spec(String secretName, List<String> dnsNames, String commonName, String duration, String renewBefore,
			PrivateKey privateKey, IssuerReference issuerRef) {
	}

	record PrivateKey(Algorithm algorithm, Integer size, RotationPolicy rotationPolicy, String encoding) {
	}

	enum Algorithm {

		@JsonProperty("RSA")
		RSA, @JsonProperty("ECDSA")
		ECDSA, @JsonProperty("Ed25519")
		ED25519

	}

	enum RotationPolicy {

		@JsonProperty("Never")
		NEVER, @JsonProperty("Always")
		ALWAYS

	}

	record IssuerReference(String group, String kind, String name) {
	}

}
