package news.herald.feed;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import news.herald.article.Article;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as Jackson writes it. Herald's
 * own additions sit under {@code _herald}, as the spec asks of extensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
		@JsonProperty("feed_url") String feedUrl, String description, @JsonProperty("next_url") String nextUrl,
		String icon, String favicon, String language, List<Author> authors, List<Hub> hubs, List<Item> items) {

	static final String VERSION = "https://jsonfeed.org/version/1.1";

	static JsonFeed of(FeedPage page) {
		FeedPage.Links links = page.links();
		List<Item> items = new ArrayList<>(page.articles().size());
		for (Article article : page.articles()) {
			items.add(Item.of(article, page));
		}
		return new JsonFeed(VERSION, page.title(), links.home(), links.self(), FeedText.plain(page.description()),
				links.next(), links.logo(), links.logo(), page.scope().language(),
				List.of(new Author(FeedScope.OUTLET_TITLE)),
				(links.hub() != null) ? List.of(new Hub("WebSub", links.hub())) : null, items);
	}

	record Author(String name) {

	}

	record Hub(String type, String url) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Item(String id, String url, @JsonProperty("external_url") String externalUrl, String title, String summary,
			@JsonProperty("content_html") String contentHtml, @JsonProperty("content_text") String contentText,
			String image, @JsonProperty("date_published") String datePublished,
			@JsonProperty("date_modified") String dateModified, List<Author> authors, List<String> tags,
			String language, List<Attachment> attachments, @JsonProperty("_herald") Extension herald) {

		static Item of(Article article, FeedPage page) {
			Article.Image image = article.image();
			boolean hasImage = image != null && FeedPage.absoluteUri(image.url()) != null;
			List<String> tags = new ArrayList<>(1 + article.tags().size());
			tags.add(FeedText.plain(article.section()));
			article.tags().forEach((tag) -> tags.add(FeedText.plain(tag)));
			String language = page.languageOf(article);
			String title = FeedText.plain(article.title());
			String body = FeedFields.html(page.body(article));
			// JSON Feed wants content_html or content_text; a headline alone is its own
			// text, and an empty field is left out rather than sent as "".
			return new Item(FeedPage.itemId(article), FeedText.plain(article.url()),
					(article.source() != null) ? FeedText.plain(article.source().url()) : null, title,
					FeedFields.text(article.summary()), body, (body != null) ? null : title,
					hasImage ? FeedText.plain(image.url()) : null, FeedDates.rfc3339(article.publishedAt()),
					FeedDates.rfc3339(article.updatedAt()),
					article.authors().isEmpty() ? null
							: article.authors().stream().map((name) -> new Author(FeedText.plain(name))).toList(),
					tags, language,
					hasImage ? List.of(new Attachment(FeedText.plain(image.url()), FeedPage.imageType(image.url()),
							FeedFields.text(image.caption()))) : null,
					new Extension(FeedText.plain(article.section()),
							hasImage ? new Photo(FeedFields.text(image.caption()), FeedFields.text(image.credit()),
									FeedFields.text(image.license())) : null,
							(article.source() != null) ? new Source(FeedFields.text(article.source().name()),
									FeedText.plain(article.source().url())) : null));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Attachment(String url, @JsonProperty("mime_type") String mimeType, String title) {

	}

	/** Herald's extension: what JSON Feed has no field for. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Extension(String section, Photo image, Source source) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Photo(String caption, String credit, String license) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Source(String name, String url) {

	}

}
