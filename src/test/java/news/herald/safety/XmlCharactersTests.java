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

	@Test
	void delAndTheC1ControlsAreRefusedLikeTheC0Controls() {
		for (int c = 0x7F; c <= 0x9F; c++) {
			assertThat(XmlCharacters.isAllowed(c)).as("U+%04X", c).isFalse();
			assertThat(XmlCharacters.strip("a" + (char) c + "b")).as("U+%04X", c).isEqualTo("ab");
		}
		assertThat(XmlCharacters.isAllowed(0x7E)).isTrue();
		assertThat(XmlCharacters.isAllowed(0xA0)).isTrue();
		assertThat(XmlCharacters.describe("a\u0085", 1)).isEqualTo("U+0085");
	}

	@Test
	void theRuleIsXml10OtherwiseTabLineFeedAndCarriageReturnIncluded() {
		for (int c = 0; c < 0x20; c++) {
			assertThat(XmlCharacters.isAllowed(c)).as("U+%04X", c).isEqualTo(c == '\t' || c == '\n' || c == '\r');
		}
		assertThat(XmlCharacters.isAllowed(0xD7FF)).isTrue();
		assertThat(XmlCharacters.isAllowed(0xD800)).isFalse();
		assertThat(XmlCharacters.isAllowed(0xDFFF)).isFalse();
		assertThat(XmlCharacters.isAllowed(0xE000)).isTrue();
		assertThat(XmlCharacters.isAllowed(0xFFFD)).isTrue();
		assertThat(XmlCharacters.isAllowed(0xFFFE)).isFalse();
		assertThat(XmlCharacters.isAllowed(0xFFFF)).isFalse();
		assertThat(XmlCharacters.isAllowed(0x1F4F0)).isTrue();
		assertThat(XmlCharacters.isAllowed(0x10FFFF)).isTrue();
		assertThat(XmlCharacters.firstIllegal("\uDBFF\uDFFF")).as("a pair, U+10FFFF").isEqualTo(-1);
		assertThat(XmlCharacters.strip("\uDC00\uD800")).as("reversed, so two lone halves").isEmpty();
	}

}
