package news.herald.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IfMatchTests {

	private final Article version3 = new Article(UUID.randomUUID(), "slug", null, "europe", "Title", "", "",
			"https://n.example/", List.of(), "en", null, List.of(), null, Instant.EPOCH, Instant.EPOCH,
			ArticleStatus.PUBLISHED, 3, 1L, "hash");

	@Test
	void absentOrStarOrCurrentTagPasses() {
		for (String header : new String[] { null, "", "*", "\"3\"", " \"1\", \"3\" " }) {
			assertThatCode(() -> IfMatch.check(header, this.version3)).as(header).doesNotThrowAnyException();
		}
	}

	@Test
	void staleWeakOrMalformedTagsFail() {
		for (String header : new String[] { "\"2\"", "W/\"3\"", "3", "\"03\"" }) {
			assertThatExceptionOfType(PreconditionFailedException.class).as(header)
				.isThrownBy(() -> IfMatch.check(header, this.version3));
		}
	}

}
