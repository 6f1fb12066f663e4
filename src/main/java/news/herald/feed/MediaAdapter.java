package news.herald.feed;

import java.net.URI;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.License;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;

import news.herald.article.Article;

/**
 * An article's photo as Media RSS {@code media:content}, shared by the RSS and Atom
 * renderers.
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
		if (image.caption() != null) {
			metadata.setDescription(FeedText.plain(image.caption()));
			metadata.setDescriptionType("plain");
		}
		if (image.credit() != null) {
			metadata.setCredits(new Credit[] { new Credit(null, null, FeedText.plain(image.credit())) });
		}
		if (image.license() != null) {
			License license = new License();
			license.setValue(FeedText.plain(image.license()));
			metadata.setLicenses(new License[] { license });
		}
		content.setMetadata(metadata);
		MediaEntryModuleImpl media = new MediaEntryModuleImpl();
		media.setMediaContents(new MediaContent[] { content });
		return media;
	}

}
