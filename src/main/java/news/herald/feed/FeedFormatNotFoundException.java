package news.herald.feed;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A feed file name Herald does not serve: 404 naming the ones it does. */
class FeedFormatNotFoundException extends ErrorResponseException {

	FeedFormatNotFoundException(String fileName) {
		super(HttpStatus.NOT_FOUND, problem(fileName), null);
	}

	private static ProblemDetail problem(String fileName) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no feed '" + fileName
				+ "'. Feeds are rss.xml, atom.xml and feed.json, e.g. /feeds/rss.xml or /feeds/world/atom.xml.");
		problem.setTitle("Feed not found");
		problem.setProperty("feed", fileName);
		return problem;
	}

}
