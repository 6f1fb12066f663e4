package news.herald.safety;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlCharactersTests {

	@Test
	void findsControlsNoncharactersAndLoneSurrogates() {
		assertThat(XmlCharacters.firstIllegal("fine\ttab\nline\rreturn")).isEqualTo(-1);
		assertThat(XmlCharacters.firstIllegal("a\u0000")).isEqualTo(1);
		assertThat(XmlCharacters.firstIllegal("\u001F")).isZero();
		assertThat(XmlCharacters.firstIllegal("ab\uFFFE")).isEqualTo(2);
		assertThat(XmlCharacters.firstIllegal("\uFFFF")).isZero();
		assertThat(XmlCharacters.firstIllegal("x\uD800y")).isEqualTo(1);
		assertThat(XmlCharacters.firstIllegal("x\uDC00")).isEqualTo(1);
		assertThat(XmlCharacters.firstIllegal("\uD800")).isZero();
		assertThat(XmlCharacters.firstIllegal("emoji 📰 and flags 🇰🇿, 𝛑, \uFFFD")).isEqualTo(-1);
		// Was "U+0085 is kept": the one rule now refuses DEL and the C1 controls too.
		assertThat(XmlCharacters.firstIllegal("emoji 📰 and flags 🇰🇿, 𝛑, \uFFFD, \u0085")).isEqualTo(32);
	}

	@Test
	void stripKeepsEverythingLegalIncludingSurrogatePairs() {
		assertThat(XmlCharacters.strip("a\u0000b\u0007c\uFFFEd\uD800e\uDC00f📰g\u000Bh")).isEqualTo("abcdef📰gh");
		assertThat(XmlCharacters.strip("\uD83D")).isEmpty();
		assertThat(XmlCharacters.strip(null)).isNull();
		String clean = "Қазақстан — الرئيس 👨‍👩‍👧";
		assertThat(XmlCharacters.strip(clean)).isSameAs(clean);
	}

}
