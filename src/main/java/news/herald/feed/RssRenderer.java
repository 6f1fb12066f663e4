package news.herald.feed;

import java.util.ArrayList;
import java.util.List;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModule;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;
import org.jdom2.Element;
import org.jdom2.Namespace;

import news.herald.article.Article;

/**
 * RSS 2.0 with the namespaces readers rely on: {@code content:encoded} for the body,
 * {@code dc:creator} for authors, Media RSS for the photo and {@code atom:link} for self,
 * paging and the WebSub hub. Dates are left to Rome's RFC 822 formatting, which uses
 * {@code Locale.US} and GMT; no {@code dc:date} is added beside {@code pubDate}.
 */
final class RssRenderer {

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	private RssRenderer() {
	}

	static Channel render(FeedPage page) {
		FeedPage.Links links = page.links();
		Channel channel = new Channel("rss_2.0");
		channel.setEncoding("UTF-8");
		channel.setTitle(page.title());
		channel.setLink(links.home());
		// RSS requires a channel description; a section created without one is described
		// by its title rather than by an empty element.
		String description = FeedFields.text(page.description());
		channel.setDescription((description != null) ? description : page.title());
		channel.setLanguage(page.scope().language());
		channel.setLastBuildDate(FeedDates.toDate(page.updated()));
		channel.setTtl((int) page.ttlMinutes());
		channel.setGenerator("Herald");
		channel.setDocs("https://www.rssboard.org/rss-specification");
		Image image = new Image();
		image.setUrl(links.logo());
		image.setTitle(page.title());
		image.setLink(links.home());
		// Herald's own logo is 144 by 144; a configured one has unknown dimensions.
		boolean ownLogo = links.logo().endsWith("/herald-logo.png");
		image.setWidth(ownLogo ? 144 : null);
		image.setHeight(ownLogo ? 144 : null);
		channel.setImage(image);
		AtomLinkModule atom = new AtomLinkModuleImpl();
		atom.setLinks(AtomLinks.navigation(page));
		channel.setModules(new ArrayList<>(List.of(atom)));
		List<Item> items = new ArrayList<>(page.articles().size());
		for (Article article : page.articles()) {
			items.add(item(article, page));
		}
		channel.setItems(items);
		return channel;
	}

	private static Item item(Article article, FeedPage page) {
		FeedPage.Links links = page.links();
		Item item = new Item();
		item.setTitle(FeedText.plain(article.title()));
		item.setLink(FeedText.plain(article.url()));
		Guid guid = new Guid();
		guid.setValue(FeedPage.itemId(article));
		guid.setPermaLink(false);
		item.setGuid(guid);
		String summary = FeedFields.text(article.summary());
		String body = FeedFields.html(page.body(article));
		// An RSS description is HTML, so the plain-text summary goes in escaped. The RSS
		// Profile wants a description before content:encoded: without a summary the body
		// is the description; a headline alone has neither.
		String synopsis = (summary != null) ? FeedFields.escapedHtml(summary) : body;
		if (synopsis != null) {
			Description description = new Description();
			description.setValue(synopsis);
			item.setDescription(description);
		}
		item.setPubDate(FeedDates.toDate(article.publishedAt()));
		item.setCategories(categories(article, links));
		List<Module> modules = new ArrayList<>(4);
		if (summary != null && body != null) {
			ContentModule content = new ContentModuleImpl();
			content.setEncodeds(new ArrayList<>(List.of(body)));
			modules.add(content);
		}
		String language = page.languageOf(article);
		if (!article.authors().isEmpty() || language != null) {
			DCModule dc = new DCModuleImpl();
			dc.setCreators(article.authors().stream().map(FeedText::plain).toList());
			// RSS items have no language of their own; Dublin Core's names the article's.
			dc.setLanguage(language);
			modules.add(dc);
		}
		MediaEntryModuleImpl media = (article.image() != null) ? MediaAdapter.module(article.image()) : null;
		if (media != null) {
			modules.add(media);
			Enclosure enclosure = new Enclosure();
			enclosure.setUrl(FeedText.plain(article.image().url()));
			enclosure.setType(FeedPage.imageType(article.image().url()));
			// RSS requires a length; we do not fetch the photo to learn it.
			enclosure.setLength(0);
			item.setEnclosures(new ArrayList<>(List.of(enclosure)));
		}
		item.setModules(modules);
		if (article.source() != null && article.source().url() != null
				&& FeedPage.absoluteUri(article.source().url()) != null) {
			Source source = new Source();
			source.setUrl(FeedText.plain(article.source().url()));
			String name = FeedFields.text(article.source().name());
			source.setValue((name != null) ? name : FeedText.plain(article.source().url()));
			item.setSource(source);
		}
		Element updated = new Element("updated", ATOM);
		updated.setText(FeedDates.rfc3339(article.updatedAt()));
		item.setForeignMarkup(new ArrayList<>(List.of(updated)));
		return item;
	}

	private static List<Category> categories(Article article, FeedPage.Links links) {
		List<Category> categories = new ArrayList<>(1 + article.tags().size());
		categories.add(category(article.section(), links.sectionDomain()));
		for (String tag : article.tags()) {
			categories.add(category(tag, links.tagDomain()));
		}
		return categories;
	}

	private static Category category(String value, String domain) {
		Category category = new Category();
		category.setValue(FeedText.plain(value));
		category.setDomain(domain);
		return category;
	}

}
