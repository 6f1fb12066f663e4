package news.herald.feed;

import java.net.URI;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;

import news.herald.article.Article;

/**
 * An article's photo as Media RSS {@code media:content}, shared by the RSS and Atom
 * renderers.
 * <p>
 * The licence travels as {@code media:copyright} ("copyright information for the media
 * object", with an optional {@code url} of the terms), not as {@code media:license}:
 * Media RSS 1.5.1 added that element but the W3C Feed Validation Service, and readers
 * built before it, reject it as undefined. A blank caption, credit or licence is left out
 * rather than sent empty.
 */
final class MediaAdapter {

	private MediaAdapter() {
	}

	/** The photo as a module, or null when its URL is not an absolute URI. */
	static MediaEntryModuleImpl module(Article.Image image) {
		URI url = FeedPage.absoluteUri(image.url());
		if (url == null) {
			return null;
		}
		MediaContent content = new MediaContent(new UrlReference(url));
		content.setMedium("image");
		content.setType(FeedPage.imageType(image.url()));
		Metadata metadata = new Metadata();
		String caption = FeedFields.text(image.caption());
		if (caption != null) {
			metadata.setDescription(caption);
			metadata.setDescriptionType("plain");
		}
		String credit = FeedFields.text(image.credit());
		if (credit != null) {
			metadata.setCredits(new Credit[] { new Credit(null, null, credit) });
		}
		String license = FeedFields.text(image.license());
		if (license != null) {
			metadata.setCopyright(license);
			metadata.setCopyrightUrl(termsUrl(license));
		}
		content.setMetadata(metadata);
		MediaEntryModuleImpl media = new MediaEntryModuleImpl();
		media.setMediaContents(new MediaContent[] { content });
		return media;
	}

	/** A licence that is itself a web address also names the terms, as {@code url}. */
	private static URI termsUrl(String license) {
		URI uri = FeedPage.absoluteUri(license);
		return (uri != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())))
				? uri : null;
	}

}
