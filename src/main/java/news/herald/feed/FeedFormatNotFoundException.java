package news.herald.feed;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import news.herald.http.Problems;

/** A feed file name Herald does not serve: 404 naming the ones it does. */
class FeedFormatNotFoundException extends ErrorResponseException {

	FeedFormatNotFoundException(String fileName) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "Feed not found", "There is no feed '" + fileName
						+ "'. Feeds are rss.xml, atom.xml and feed.json, e.g. /feeds/rss.xml or /feeds/world/atom.xml.",
						Map.entry("feed", fileName)),
				null);
	}

}
