package news.herald.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import news.herald.database.DatabaseEnvironment;
import news.herald.http.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class PublisherKeysTests {

	@Test
	void findsAKeyByItsHashAndKnowsItsSections() {
		PublisherKeys keys = keys(false, hash("editor"), hash("desk") + ":world|regional");
		assertThat(keys.find("editor")).hasValueSatisfying((key) -> assertThat(key.sections()).isEmpty());
		assertThat(keys.find("desk"))
			.hasValueSatisfying((key) -> assertThat(key.sections()).containsExactlyInAnyOrder("world", "regional"));
		assertThat(keys.find("Editor")).isEmpty();
		assertThat(keys.find("")).isEmpty();
		assertThat(keys.find(hash("editor"))).as("the hash itself is not a key").isEmpty();
	}

	@Test
	void hashesAreCaseInsensitiveHexAndBlankEntriesAreSkipped() {
		PublisherKeys keys = keys(false, " " + hash("editor").toUpperCase() + " ", "", " ");
		assertThat(keys.find("editor")).isPresent();
	}

	@Test
	void aSectionKeyCoversItsSubsections() {
		PublisherKey desk = new PublisherKey("desk", Set.of("world"));
		assertThat(desk.covers(List.of("russia", "world"))).isTrue();
		assertThat(desk.covers(List.of("kazakhstan", "regional"))).isFalse();
		assertThat(new PublisherKey("editor", Set.of()).covers(List.of("kazakhstan"))).isTrue();
	}

	@Test
	void malformedEntriesStopStartUpWithAMessage() {
		assertThatIllegalStateException().isThrownBy(() -> keys(false, "not-a-hash"))
			.withMessageContaining("entry 1")
			.withMessageContaining("sha256sum");
		assertThatIllegalStateException().isThrownBy(() -> keys(false, hash("a"), hash("b") + ":World"))
			.withMessageContaining("entry 2");
		assertThatIllegalStateException().isThrownBy(() -> keys(false, hash("a") + "  -"));
	}

	@Test
	void theEmbeddedDefaultWithoutKeysGeneratesOneAndPrintsItOnce(CapturedOutput output) {
		PublisherKeys generated = keys(true);
		assertThat(generated.find("anything")).isEmpty();
		generated.announceGeneratedKey();
		Matcher printed = Pattern.compile("generated publisher key: ([A-Za-z0-9_-]{43})").matcher(output.getOut());
		assertThat(printed.find()).as(output.getOut()).isTrue();
		assertThat(generated.find(printed.group(1))).isPresent();
		generated.announceGeneratedKey();
		assertThat(output.getOut().split("generated publisher key:", -1)).hasSize(2);
		PublisherKeys none = keys(false);
		assertThat(none.find("anything")).isEmpty();
		// A configured key means nothing is generated, embedded or not.
		assertThat(keys(true, hash("editor")).find("editor")).isPresent();
	}

	private static PublisherKeys keys(boolean embedded, String... entries) {
		MockEnvironment environment = new MockEnvironment();
		environment.setProperty(DatabaseEnvironment.EMBEDDED_ACTIVE, String.valueOf(embedded));
		return new PublisherKeys(new SecurityProperties(List.of(entries), List.of()), environment);
	}

	private static String hash(String key) {
		return HexFormat.of().formatHex(Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
	}

}
