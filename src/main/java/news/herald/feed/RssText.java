package news.herald.feed;

import java.io.IOException;
import java.io.Writer;

import org.jdom2.Text;
import org.jdom2.output.Format;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;

/**
 * Writes RSS text as the RSS Best Practices Profile asks: '&' and '<' in text as the
 * hexadecimal references {@code &#x26;} and {@code &#x3C;}, which RSS readers that decode
 * text (as HTML) a second time cannot mistake for markup. The W3C validator warns about
 * any other spelling of a '<' before a letter in an RSS text element ("Encode "&" and "<"
 * in plain text using hexadecimal character references", CharacterData). The XML means
 * the same either way; Atom and JSON Feed say what their text is and need none of this.
 */
final class RssText extends AbstractXMLOutputProcessor {

	@Override
	protected void printText(Writer out, FormatStack fstack, Text text) throws IOException {
		if (!fstack.getEscapeOutput()) {
			super.printText(out, fstack, text);
			return;
		}
		String escaped = Format.escapeText(fstack.getEscapeStrategy(), fstack.getLineSeparator(), text.getText());
		// Only a '<' or '&' of the text itself becomes "&lt;" or "&amp;" when escaped.
		textRaw(out, escaped.replace("&lt;", "&#x3C;").replace("&amp;", "&#x26;"));
	}

}
