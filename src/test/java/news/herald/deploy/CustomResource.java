package news.herald.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A custom resource Herald's manifests use, typed strictly after its operator's CRD: the
 * fields it knows, the values it accepts, and the rules its webhook adds.
 */
interface CustomResource {

	ObjectMeta metadata();

	/** What the operator's webhook would refuse, beyond the fields' types. */
	default List<String> problems() {
		return List.of();
	}

}
