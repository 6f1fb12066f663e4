package news.herald.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedTextTests {

	@Test
	void plainTextLosesOnlyWhatXmlCannotHold() {
		assertThat(FeedText.plain("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i\uFFFEj\uFFFF"))
			.isEqualTo("abcdefghij");
		assertThat(FeedText.plain("tab\tnew\nline\rreturn")).isEqualTo("tab\tnew\nline\rreturn");
		assertThat(FeedText.plain("مرحبا שלום 𝔘 🗞️")).isEqualTo("مرحبا שלום 𝔘 🗞️");
		assertThat(FeedText.plain("lone \uD800 high and \uDC00 low")).isEqualTo("lone  high and  low");
		assertThat(FeedText.plain(null)).isNull();
	}

	@Test
	void htmlKeepsStructureAndDropsScriptsHandlersAndJavascriptUrls() {
		String clean = FeedText.html("<p dir=\"rtl\" onclick=\"x()\">Hi <a href=\"javascript:x()\">bad</a> "
				+ "<a href=\"https://example.org/\">good</a></p><script>x()</script><img src=\"https://e.org/i.jpg\" onerror=\"x()\">");
		assertThat(clean).contains("<p dir=\"rtl\">Hi <a rel=\"nofollow noopener\">bad</a>")
			.contains("<a href=\"https://example.org/\" rel=\"nofollow noopener\">good</a>")
			.contains("<img src=\"https://e.org/i.jpg\"")
			.doesNotContain("script")
			.doesNotContain("onclick")
			.doesNotContain("onerror")
			.doesNotContain("javascript");
	}

	@Test
	void preformattedWhitespaceSurvives() {
		assertThat(FeedText.html("<pre>a\n  b</pre>")).isEqualTo("<pre>a\n  b</pre>");
	}

}
