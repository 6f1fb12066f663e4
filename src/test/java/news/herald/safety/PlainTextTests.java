package news.herald.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "<b>bold", "bold</b>", "</title>", "<img src=x onerror=alert(1)>", "<br/>", "a <p>b",
			"<SCRIPT>", "AT&amp;T", "&lt;b&gt;", "caf&eacute;", "&#233;", "&#xE9;", "&apos;", "&copy 2026", "&x2" })
	void markupIsFound(String text) {
		assertThat(PlainText.firstMarkup(text)).as(text).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "AT&T", "S&P 500", "Q&A", "R&D", "x<y", "3 > 2", "<3", "C<T>", "a & b", "<unknownthing>",
			"Johnson&Johnson", "100%", "" })
	void textIsPlain(String text) {
		assertThat(PlainText.firstMarkup(text)).as(text).isNull();
	}

	@Test
	void theFirstMarkupIsNamedWithItsPosition() {
		PlainText.Markup markup = PlainText.firstMarkup("News: <em>now</em>");
		assertThat(markup.position()).isEqualTo(6);
		assertThat(markup.description()).isEqualTo("the HTML tag <em>");
		assertThat(PlainText.firstMarkup("Tom &amp; Jerry").description())
			.isEqualTo("the HTML character reference &amp; (send & itself)");
	}

}
