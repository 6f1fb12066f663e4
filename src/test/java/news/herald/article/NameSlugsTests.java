package news.herald.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameSlugsTests {

	@Test
	void kazakhAndRussianNamesGetReadableLatinSlugs() {
		assertThat(NameSlugs.of("Әйгерім Сәдуақасова")).isEqualTo("aigerim-saduaqasova");
		assertThat(NameSlugs.of("Бюджет")).isEqualTo("byudzhet");
		assertThat(NameSlugs.of("Иван Петров")).isEqualTo("ivan-petrov");
		assertThat(NameSlugs.of("Жарқын Ұлы")).isEqualTo("zharqyn-uly");
	}

	@Test
	void spellingsOfOneNameShareASlug() {
		assertThat(NameSlugs.of("Economy")).isEqualTo(NameSlugs.of("economy")).isEqualTo(NameSlugs.of(" ECONOMY! "));
		assertThat(NameSlugs.of("Бюджет")).isEqualTo(NameSlugs.of("Byudzhet"));
	}

	@Test
	void aNameWithNothingToTransliterateGetsAStableSlugFromItsHash() {
		String slug = NameSlugs.of("🔥🔥");
		assertThat(slug).matches(NameSlugs.SHAPE).startsWith("n-").isEqualTo(NameSlugs.of("🔥🔥"));
		assertThat(slug).isNotEqualTo(NameSlugs.of("🌍"));
	}

	@Test
	void everySlugHasTheShapeFeedsAccept() {
		for (String name : new String[] { "Ahmed al-Sharaa", "Ελλάδα", "中文", "a".repeat(200), "--x--" }) {
			assertThat(NameSlugs.of(name)).as(name)
				.matches(NameSlugs.SHAPE)
				.hasSizeLessThanOrEqualTo(NameSlugs.MAX_LENGTH);
		}
	}

}
