package news.herald.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import news.herald.push.PushChannel;

/**
 * WebSub content distribution on the push engine (§7): a subscriber that gave a secret
 * gets {@code X-Hub-Signature: sha256=<HMAC of the body>}.
 */
@Component
class HubChannel implements PushChannel {

	static final String NAME = "websub";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void sign(HttpHeaders headers, byte[] body, String secret) {
		if (secret != null) {
			headers.set("X-Hub-Signature", "sha256=" + hmac(secret, body));
		}
	}

	static String hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

}
