package news.herald.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import news.herald.article.Article;
import news.herald.http.Sha256;

import static news.herald.feed.AtomLinks.link;

/**
 * Atom 1.0 (RFC 4287) with RFC 5005 paging links, a WebSub hub link, Media RSS for the
 * photo, and credits: an {@code author} per person and the wire source as
 * {@code atom:source}.
 */
final class AtomRenderer {

	private static final String HTML = "text/html";

	private AtomRenderer() {
	}

	static Feed render(FeedPage page) {
		FeedPage.Links links = page.links();
		Feed feed = new Feed("atom_1.0");
		feed.setEncoding("UTF-8");
		feed.setId(page.feedId());
		feed.setTitle(page.title());
		String subtitle = FeedFields.text(page.description());
		if (subtitle != null) {
			feed.setSubtitle(text(subtitle));
		}
		feed.setLanguage(page.scope().language());
		feed.setUpdated(FeedDates.toDate(page.updated()));
		Generator generator = new Generator();
		generator.setValue("Herald");
		feed.setGenerator(generator);
		feed.setLogo(links.logo());
		feed.setIcon(links.logo());
		feed.setAuthors(new ArrayList<>(List.of(person(FeedScope.OUTLET_TITLE))));
		feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", links.home(), HTML))));
		feed.setOtherLinks(AtomLinks.navigation(page));
		List<Entry> entries = new ArrayList<>(page.articles().size());
		for (Article article : page.articles()) {
			entries.add(entry(article, page));
		}
		feed.setEntries(entries);
		return feed;
	}

	private static Entry entry(Article article, FeedPage page) {
		FeedPage.Links links = page.links();
		Entry entry = new Entry();
		entry.setId(FeedPage.itemId(article));
		entry.setTitle(FeedText.plain(article.title()));
		entry.setPublished(FeedDates.toDate(article.publishedAt()));
		entry.setUpdated(FeedDates.toDate(article.updatedAt()));
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", FeedText.plain(article.url()), HTML))));
		List<Link> other = new ArrayList<>(2);
		List<Module> modules = new ArrayList<>(1);
		MediaEntryModuleImpl media = (article.image() != null) ? MediaAdapter.module(article.image()) : null;
		if (media != null) {
			modules.add(media);
			Link enclosure = link("enclosure", FeedText.plain(article.image().url()),
					FeedPage.imageType(article.image().url()));
			other.add(enclosure);
		}
		if (article.source() != null && FeedPage.absoluteUri(article.source().url()) != null) {
			Link via = link("via", FeedText.plain(article.source().url()), HTML);
			via.setTitle(FeedFields.text(article.source().name()));
			other.add(via);
		}
		entry.setOtherLinks(other);
		entry.setSource(source(article));
		entry.setModules(modules);
		List<SyndPerson> authors = new ArrayList<>(article.authors().size());
		for (String author : article.authors()) {
			authors.add(person(author));
		}
		entry.setAuthors(authors);
		List<Category> categories = new ArrayList<>(1 + article.tags().size());
		categories.add(category(article.section(), links.sectionDomain()));
		for (String tag : article.tags()) {
			categories.add(category(tag, links.tagDomain()));
		}
		entry.setCategories(categories);
		String summary = FeedFields.text(article.summary());
		String body = FeedFields.html(page.body(article));
		if (summary != null) {
			entry.setSummary(text(summary));
		}
		else if (body == null) {
			// RFC 4287 (4.1.1) advises a non-empty summary when there is no content; a
			// headline-only article's text is its headline.
			entry.setSummary(text(FeedText.plain(article.title())));
		}
		if (body != null) {
			Content content = new Content();
			content.setType(Content.HTML);
			content.setValue(body);
			entry.setContents(new ArrayList<>(List.of(content)));
		}
		return entry;
	}

	/**
	 * Says the feed's language with {@code xml:lang}, and each entry's whose article is
	 * in another language; Rome writes neither (it drops the feed's language). Entries
	 * are written in page order.
	 */
	static void languages(Document document, FeedPage page) {
		document.getRootElement().setAttribute("lang", page.scope().language(), Namespace.XML_NAMESPACE);
		List<Element> entries = document.getRootElement()
			.getChildren("entry", document.getRootElement().getNamespace());
		for (int i = 0; i < entries.size() && i < page.articles().size(); i++) {
			String language = page.languageOf(page.articles().get(i));
			if (language != null) {
				entries.get(i).setAttribute("lang", language, Namespace.XML_NAMESPACE);
			}
		}
	}

	/**
	 * The wire source as RFC 4287's {@code atom:source}: what Herald knows of the outlet
	 * the story came from, its name and home page. The W3C validator wants a source's id,
	 * title and updated (MissingSourceElement); its id must be a canonical IRI, which a
	 * newsroom's URL need not be, so it is a URN naming that URL (or, without one, the
	 * name); it was updated, as far as Herald knows, when the story was published.
	 */
	private static Feed source(Article article) {
		Article.Source credit = article.source();
		if (credit == null) {
			return null;
		}
		String url = (FeedPage.absoluteUri(credit.url()) != null) ? FeedText.plain(credit.url()) : null;
		String name = FeedFields.text(credit.name());
		if (url == null && name == null) {
			return null;
		}
		Feed source = new Feed();
		source.setId("urn:herald:source:" + Sha256.hex(((url != null) ? url : name).getBytes(StandardCharsets.UTF_8)));
		source.setTitle((name != null) ? name : url);
		source.setUpdated(FeedDates.toDate(article.publishedAt()));
		if (url != null) {
			source.setAlternateLinks(new ArrayList<>(List.of(link("alternate", url, HTML))));
		}
		return source;
	}

	private static Content text(String value) {
		Content content = new Content();
		content.setType(Content.TEXT);
		content.setValue(value);
		return content;
	}

	private static Person person(String name) {
		Person person = new Person();
		person.setName(FeedText.plain(name));
		return person;
	}

	private static Category category(String term, String scheme) {
		Category category = new Category();
		category.setTerm(FeedText.plain(term));
		category.setScheme(scheme);
		return category;
	}

}
