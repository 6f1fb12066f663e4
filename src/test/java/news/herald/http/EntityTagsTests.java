package news.herald.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTests {

	@Test
	void ifMatchComparesStrongly() {
		assertThat(EntityTags.strongMatch("\"3\"", "\"3\"")).isTrue();
		assertThat(EntityTags.strongMatch(" \"1\", \"3\" ", "\"3\"")).isTrue();
		assertThat(EntityTags.strongMatch("*", "\"3\"")).isTrue();
		assertThat(EntityTags.strongMatch("W/\"3\"", "\"3\"")).isFalse();
		assertThat(EntityTags.strongMatch("\"2\"", "\"3\"")).isFalse();
		assertThat(EntityTags.strongMatch("3", "\"3\"")).isFalse();
		assertThat(EntityTags.strongMatch("\"03\"", "\"3\"")).isFalse();
	}

	@Test
	void ifNoneMatchComparesWeaklyAgainstEveryRepresentation() {
		String[] current = { "\"a-7\"", "\"a-7-gzip\"", "\"a-7-br\"" };
		assertThat(EntityTags.weakMatch("\"a-7\"", current)).isTrue();
		assertThat(EntityTags.weakMatch("W/\"a-7-gzip\"", current)).isTrue();
		assertThat(EntityTags.weakMatch("\"x\", \"a-7-br\"", current)).isTrue();
		assertThat(EntityTags.weakMatch("*", current)).isTrue();
		assertThat(EntityTags.weakMatch("\"a-6\", W/\"a-6-gzip\"", current)).isFalse();
		assertThat(EntityTags.weakMatch("a-7", current)).isFalse();
		// A comma inside a tag is part of the tag, not a separator.
		assertThat(EntityTags.weakMatch("\"a-7,x\"", current)).isFalse();
		assertThat(EntityTags.weakMatch("", current)).isFalse();
	}

}
