package news.herald.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A feed parsed by the JDK's XML parser (strict: a single illegal character fails it),
 * queried with XPath.
 */
final class FeedXml {

	private static final Map<String, String> NAMESPACES = Map.of("atom", "http://www.w3.org/2005/Atom", "content",
			"http://purl.org/rss/1.0/modules/content/", "dc", "http://purl.org/dc/elements/1.1/", "media",
			"http://search.yahoo.com/mrss/", "xml", XMLConstants.XML_NS_URI);

	private final Document document;

	private final XPath xpath;

	private FeedXml(Document document) {
		this.document = document;
		this.xpath = XPathFactory.newInstance().newXPath();
		this.xpath.setNamespaceContext(new NamespaceContext() {

			@Override
			public String getNamespaceURI(String prefix) {
				return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
			}

			@Override
			public String getPrefix(String namespaceURI) {
				return null;
			}

			@Override
			public Iterator<String> getPrefixes(String namespaceURI) {
				return null;
			}

		});
	}

	static FeedXml parse(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return new FeedXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
		}
		catch (Exception ex) {
			throw new AssertionError("Feed is not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	String text(String expression) {
		try {
			return (String) this.xpath.evaluate(expression, this.document, XPathConstants.STRING);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

	int count(String expression) {
		return ((Number) evaluate("count(" + expression + ")", XPathConstants.NUMBER)).intValue();
	}

	List<String> texts(String expression) {
		NodeList nodes = (NodeList) evaluate(expression, XPathConstants.NODESET);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			texts.add(node.getTextContent());
		}
		return texts;
	}

	private Object evaluate(String expression, javax.xml.namespace.QName type) {
		try {
			return this.xpath.evaluate(expression, this.document, type);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

}
