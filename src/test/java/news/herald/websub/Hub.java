package news.herald.websub;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import news.herald.article.Article;
import news.herald.article.ArticleDraft;
import news.herald.article.ArticlePublisher;

/** What the hub tests do to Herald: publish, and speak to the hub as a subscriber. */
final class Hub {

	static final String EDITOR_KEY = "test-editor-key";

	private Hub() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Publishes an article through the same service the API uses; its title. */
	static String publish(ApplicationContext context, String section, String title) {
		publish(context, section, title, List.of());
		return title;
	}

	/** Publishes an article with tags through the same service the API uses. */
	static Article publish(ApplicationContext context, String section, String title, List<String> tags) {
		return context.getBean(ArticlePublisher.class)
			.create(draft(unique("hub"), section, title, tags))
			.block(Duration.ofSeconds(30))
			.article();
	}

	/** Gives an article other tags, as {@code PUT /api/articles/{id}} does. */
	static Article retag(ApplicationContext context, Article article, List<String> tags) {
		return context.getBean(ArticlePublisher.class)
			.update(article.id(), draft(article.externalId(), article.section(), article.title(), tags), (current) -> {
			})
			.block(Duration.ofSeconds(30));
	}

	private static ArticleDraft draft(String externalId, String section, String title, List<String> tags) {
		return new ArticleDraft(externalId, null, section, title, "Summary of " + title, "<p>Body</p>",
				"https://news.example/" + externalId, List.of("Aigerim Seitkali"), "en", null, tags, null,
				Instant.parse("2026-01-02T03:04:05Z"));
	}

	static MultiValueMap<String, String> form(String mode, String topic, String callback, String... more) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("hub.mode", mode);
		form.add("hub.topic", topic);
		form.add("hub.callback", callback);
		for (int i = 0; i + 1 < more.length; i += 2) {
			form.add(more[i], more[i + 1]);
		}
		return form;
	}

	static WebTestClient.ResponseSpec send(WebTestClient client, MultiValueMap<String, String> form) {
		return client.post()
			.uri("/websub")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	/** Texts of the nodes an XPath (namespaces ignored: use local-name()) selects. */
	static List<String> xpath(byte[] xml, String expression) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
			NodeList nodes = (NodeList) XPathFactory.newInstance()
				.newXPath()
				.evaluate(expression, document, XPathConstants.NODESET);
			return java.util.stream.IntStream.range(0, nodes.getLength())
				.mapToObj((i) -> nodes.item(i).getTextContent())
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException("not XML: " + ex, ex);
		}
	}

}
