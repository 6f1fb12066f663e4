package news.herald.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.herald.article.ArticleTaxonomy;
import news.herald.section.Section;
import news.herald.http.PublicUrls;

/**
 * {@code /feeds.opml}: an OPML 2.0 subscription list of every feed, one folder per
 * top-level section holding it and its subsections, so a reader subscribes to all
 * regional feeds in one import.
 */
@RestController
class OpmlController {

	private static final String CONTENT_TYPE = "text/x-opml;charset=utf-8";

	private final FeedScopes scopes;

	private final PublicUrls urls;

	private final String cacheControl;

	private final ArticleTaxonomy taxonomy;

	OpmlController(FeedScopes scopes, PublicUrls urls, FeedProperties properties, ArticleTaxonomy taxonomy) {
		this.scopes = scopes;
		this.taxonomy = taxonomy;
		this.urls = urls;
		this.cacheControl = properties.cacheControl();
	}

	@GetMapping("/feeds.opml")
	Mono<Void> opml(ServerWebExchange exchange) {
		// Sections change only with a deployment and languages rarely, so the bytes (and
		// their ETag) are stable; rendering a few dozen outlines is cheaper than caching
		// per host.
		byte[] body = render(this.urls.base(exchange.getRequest()));
		CRC32 crc = new CRC32();
		crc.update(body);
		String etag = "\"opml-" + HexFormat.of().toHexDigits((int) crc.getValue()) + "\"";
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		// Sets the ETag, and answers 304 when If-None-Match names it (weak forms, lists,
		// *).
		if (exchange.checkNotModified(etag)) {
			return response.setComplete();
		}
		headers.set(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	byte[] render(String base) {
		Element head = new Element("head").addContent(new Element("title").setText("Herald feeds"))
			.addContent(new Element("ownerName").setText("Herald"))
			.addContent(new Element("docs").setText("http://opml.org/spec2.opml"));
		Element body = new Element("body");
		FeedScope outlet = this.scopes.outlet();
		body.addContent(outline(base, outlet));
		Element folder = null;
		for (FeedScope scope : this.scopes.all()) {
			if (scope.isOutlet()) {
				continue;
			}
			Section section = scope.section();
			if (section.isTopLevel()) {
				folder = new Element("outline").setAttribute("text", section.title());
				body.addContent(folder);
			}
			if (folder != null) {
				folder.addContent(outline(base, scope));
			}
		}
		// One feed per language: a reader of the Kazakh edition follows only that.
		List<String> languages = this.taxonomy.languages();
		if (!languages.isEmpty()) {
			Element editions = new Element("outline").setAttribute("text", "Language editions");
			for (String language : languages) {
				editions.addContent(new Element("outline").setAttribute("type", "rss")
					.setAttribute("text", outlet.title() + " (" + language + ")")
					.setAttribute("title", outlet.title() + " (" + language + ")")
					.setAttribute("description", outlet.description() + " in " + language)
					.setAttribute("language", language)
					.setAttribute("xmlUrl", base + outlet.editionPath(FeedFormat.RSS, language))
					.setAttribute("htmlUrl", base + outlet.homePath()));
			}
			body.addContent(editions);
		}
		Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
		StringWriter writer = new StringWriter();
		try {
			new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(new Document(opml), writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return writer.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Element outline(String base, FeedScope scope) {
		return new Element("outline").setAttribute("type", "rss")
			.setAttribute("text", scope.title())
			.setAttribute("title", scope.title())
			.setAttribute("description", scope.description())
			.setAttribute("language", scope.language())
			.setAttribute("xmlUrl", base + scope.path(FeedFormat.RSS))
			.setAttribute("htmlUrl", base + scope.homePath());
	}

}
