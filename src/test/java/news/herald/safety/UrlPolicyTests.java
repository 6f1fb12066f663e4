package news.herald.safety;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlPolicyTests {

	@Test
	void allowsAbsoluteUrlsWithAHostAndOneOfItsSchemes() {
		assertThat(UrlPolicy.WEB.allowed("https://news.example/a?b=c#d")).isEqualTo("https://news.example/a?b=c#d");
		assertThat(UrlPolicy.WEB.allowed("HTTP://News.Example/a")).isEqualTo("HTTP://News.Example/a");
		assertThat(UrlPolicy.WEB.allowed("  https://news.example/  ")).isEqualTo("https://news.example/");
		assertThat(UrlPolicy.WEB.uri("http://news.example:8080/x").getPort()).isEqualTo(8080);
		assertThat(UrlPolicy.SECURE.allowed("https://news.example/p.jpg")).isNotNull();
	}

	@Test
	void refusesEverythingElse() {
		for (String bad : List.of("news.example/a", "/relative", "ftp://news.example/a", "javascript:alert(1)",
				"https://", "https:///path", "http://exa mple.com/", "mailto:desk@news.example",
				"https://news.example/\u0001", "https://news.example/\u0085", "https://news.example/\uFFFE", "",
				"  ")) {
			assertThat(UrlPolicy.WEB.allowed(bad)).as(bad).isNull();
			assertThat(UrlPolicy.WEB.uri(bad)).as(bad).isNull();
		}
		assertThat(UrlPolicy.WEB.allowed(null)).isNull();
		assertThat(UrlPolicy.SECURE.allowed("http://news.example/p.jpg")).isNull();
	}

	@Test
	void describesItsSchemesForAPerson() {
		assertThat(UrlPolicy.WEB.describe()).isEqualTo("http or https");
		assertThat(UrlPolicy.SECURE.describe()).isEqualTo("https");
		assertThat(UrlPolicy.of(Set.of("https", "http")).allowed("http://news.example/")).isNotNull();
	}

}
