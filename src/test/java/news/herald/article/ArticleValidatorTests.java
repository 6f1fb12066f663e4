package news.herald.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import news.herald.section.Section;
import news.herald.section.SectionCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Each publishing rule on its own, on both sides of its limit. */
class ArticleValidatorTests {

	private final ArticleValidator validator = new ArticleValidator(catalog());

	@Test
	void aCompleteArticlePassesUnchanged() {
		ArticleDraft draft = this.validator.validate(valid());
		assertThat(draft.externalId()).isEqualTo("cms-1");
		assertThat(draft.section()).isEqualTo("europe");
		assertThat(draft.title()).isEqualTo("Headline");
		assertThat(draft.bodyHtml()).isEqualTo("<p>Body</p>");
		assertThat(draft.image().url()).isEqualTo("https://news.example/p.jpg");
		assertThat(draft.source().name()).isEqualTo("Wire");
		assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2025-10-14T09:30:00Z"));
		assertThat(draft.language()).isEqualTo("en");
	}

	@Test
	void titleIsRequiredAndAtMost300Characters() {
		assertInvalid((r) -> with(r, "title", null), "title");
		assertInvalid((r) -> with(r, "title", "   "), "title");
		assertInvalid((r) -> with(r, "title", "x".repeat(301)), "title");
		assertThat(this.validator.validate(with(valid(), "title", "x".repeat(300))).title()).hasSize(300);
		// Characters, not UTF-16 units: 300 emoji fit.
		assertThat(this.validator.validate(with(valid(), "title", "📰".repeat(300))).title()).hasSize(600);
		assertThat(this.validator.validate(with(valid(), "title", "  Trimmed  ")).title()).isEqualTo("Trimmed");
	}

	@Test
	void titleRefusesXmlIllegalCharacters() {
		assertInvalid((r) -> with(r, "title", "a\u0000b"), "title");
		assertInvalid((r) -> with(r, "title", "a\uFFFFb"), "title");
		assertInvalid((r) -> with(r, "title", "a\uDBFFb"), "title");
		assertThat(this.validator.validate(with(valid(), "title", "Tab\tis fine")).title()).isEqualTo("Tab\tis fine");
	}

	@Test
	void summaryIsAtMost1000CharactersAfterStripping() {
		assertInvalid((r) -> with(r, "summary", "x".repeat(1001)), "summary");
		assertThat(this.validator.validate(with(valid(), "summary", "x".repeat(1000) + "\u0001")).summary())
			.hasSize(1000);
		assertThat(this.validator.validate(with(valid(), "summary", null)).summary()).isEmpty();
	}

	@Test
	void urlMustBeAbsoluteHttpOrHttps() {
		for (String bad : List.of("news.example/a", "/relative", "ftp://news.example/a", "javascript:alert(1)",
				"https://", "http://exa mple.com/", "mailto:desk@news.example", "https://news.example/\u0001")) {
			assertInvalid((r) -> with(r, "url", bad), "url");
		}
		assertInvalid((r) -> with(r, "url", null), "url");
		assertThat(this.validator.validate(with(valid(), "url", "HTTP://News.Example/a?b=c#d")).url())
			.isEqualTo("HTTP://News.Example/a?b=c#d");
	}

	@Test
	void sectionMustExist() {
		assertInvalid((r) -> with(r, "section", "atlantis"), "section");
		assertInvalid((r) -> with(r, "section", null), "section");
	}

	@Test
	void imageUrlMustBeHttps() {
		assertInvalid((r) -> withImage(r, "http://news.example/p.jpg"), "image.url");
		assertInvalid((r) -> withImage(r, null), "image.url");
		assertInvalid((r) -> withImage(r, "//news.example/p.jpg"), "image.url");
	}

	@Test
	void atMost20Tags() {
		List<String> twenty = new ArrayList<>(Collections.nCopies(20, "t"));
		for (int i = 0; i < 20; i++) {
			twenty.set(i, "tag" + i);
		}
		assertThat(this.validator.validate(with(valid(), "tags", twenty)).tags()).hasSize(20);
		List<String> twentyOne = new ArrayList<>(twenty);
		twentyOne.add("one too many");
		assertInvalid((r) -> with(r, "tags", twentyOne), "tags");
		assertInvalid((r) -> with(r, "tags", List.of("ok", " ")), "tags[1]");
	}

	@Test
	void publishedAtMustBeAnInstantWithOffset() {
		for (String bad : List.of("yesterday", "2025-10-14", "2025-10-14T09:30:00", "2025-13-01T00:00:00Z",
				"1700000000", "+10000-01-01T00:00:00Z")) {
			assertInvalid((r) -> with(r, "publishedAt", bad), "publishedAt");
		}
		assertThat(this.validator.validate(with(valid(), "publishedAt", "2025-10-14T12:30:00+03:00")).publishedAt())
			.isEqualTo(Instant.parse("2025-10-14T09:30:00Z"));
		assertThat(this.validator.validate(with(valid(), "publishedAt", null)).publishedAt()).isNull();
	}

	@Test
	void slugIsOptionalAndShapedLikeOne() {
		assertThat(this.validator.validate(with(valid(), "slug", "putin-meets-al-sharaa")).slug())
			.isEqualTo("putin-meets-al-sharaa");
		assertThat(this.validator.validate(with(valid(), "slug", "қазақстан-2025")).slug()).isEqualTo("қазақстан-2025");
		for (String bad : List.of("Upper", "two--dashes", "-lead", "sp ace", "a/b",
				"123e4567-e89b-12d3-a456-426614174000")) {
			assertInvalid((r) -> with(r, "slug", bad), "slug");
		}
	}

	@Test
	void languageIsALanguageTag() {
		assertThat(this.validator.validate(with(valid(), "language", "kk-kz")).language()).isEqualTo("kk-KZ");
		assertThat(this.validator.validate(with(valid(), "language", null)).language()).isEqualTo("en");
		assertInvalid((r) -> with(r, "language", "english!"), "language");
	}

	@Test
	void hugeLanguageIsAFieldErrorNotAStackOverflow() {
		String huge = "en" + "-abcdefgh".repeat(2_000);
		assertInvalid((r) -> with(r, "language", huge), "language");
		assertInvalid((r) -> with(r, "language", "en" + "-ab".repeat(12)), "language");
	}

	@Test
	void sourceUrlMustBeHttpIfGiven() {
		assertInvalid((r) -> withSource(r, "Wire", "ftp://wire.example/"), "source.url");
		assertThat(this.validator.validate(withSource(valid(), "Wire", null)).source().name()).isEqualTo("Wire");
	}

	@Test
	void everyBrokenRuleIsReportedAtOnce() {
		ArticleRequest request = with(with(with(valid(), "title", ""), "url", "nope"), "section", "atlantis");
		InvalidArticleException ex = catchThrowableOfType(InvalidArticleException.class,
				() -> this.validator.validate(request));
		assertThat(ex.errors()).extracting(InvalidArticleException.FieldError::field)
			.containsExactlyInAnyOrder("title", "url", "section");
		assertThat(ex.getStatusCode().value()).isEqualTo(400);
	}

	private void assertInvalid(UnaryOperator<ArticleRequest> change, String field) {
		ArticleRequest request = change.apply(valid());
		InvalidArticleException ex = catchThrowableOfType(InvalidArticleException.class,
				() -> this.validator.validate(request));
		assertThat(ex).as("%s should be refused", field).isNotNull();
		assertThat(ex.errors()).extracting(InvalidArticleException.FieldError::field).containsExactly(field);
	}

	private static ArticleRequest valid() {
		return new ArticleRequest("cms-1", null, "europe", "Headline", "Summary", "<p>Body</p>",
				"https://news.example/europe/headline", List.of("Reporter"), "en",
				new ArticleRequest.Image("https://news.example/p.jpg", "Caption", "Credit", "CC BY 4.0"),
				List.of("politics"), new ArticleRequest.Source("Wire", "https://wire.example/"),
				"2025-10-14T09:30:00Z");
	}

	@SuppressWarnings("unchecked")
	private static ArticleRequest with(ArticleRequest r, String field, Object value) {
		return new ArticleRequest(r.externalId(), field.equals("slug") ? (String) value : r.slug(),
				field.equals("section") ? (String) value : r.section(),
				field.equals("title") ? (String) value : r.title(),
				field.equals("summary") ? (String) value : r.summary(), r.bodyHtml(),
				field.equals("url") ? (String) value : r.url(), r.authors(),
				field.equals("language") ? (String) value : r.language(), r.image(),
				field.equals("tags") ? (List<String>) value : r.tags(), r.source(),
				field.equals("publishedAt") ? (String) value : r.publishedAt());
	}

	private static ArticleRequest withImage(ArticleRequest r, String url) {
		return new ArticleRequest(r.externalId(), r.slug(), r.section(), r.title(), r.summary(), r.bodyHtml(), r.url(),
				r.authors(), r.language(), new ArticleRequest.Image(url, null, null, null), r.tags(), r.source(),
				r.publishedAt());
	}

	private static ArticleRequest withSource(ArticleRequest r, String name, String url) {
		return new ArticleRequest(r.externalId(), r.slug(), r.section(), r.title(), r.summary(), r.bodyHtml(), r.url(),
				r.authors(), r.language(), r.image(), r.tags(), new ArticleRequest.Source(name, url), r.publishedAt());
	}

	private static SectionCatalog catalog() {
		List<Section> sections = List.of(new Section("world", "World", "", null, "en", 1),
				new Section("europe", "Europe", "", "world", "en", 2));
		SectionCatalog catalog = mock(SectionCatalog.class);
		given(catalog.exists(anyString()))
			.willAnswer((invocation) -> sections.stream().anyMatch((s) -> s.slug().equals(invocation.getArgument(0))));
		given(catalog.all()).willReturn(sections);
		return catalog;
	}

}
