package news.herald.feed;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import news.herald.article.NameSlugs;
import news.herald.event.ArticleEvent;

/**
 * The validators of one combination of filters: touched by every event whose article
 * matched the combination before or after it. Usable once the outbox has been read for
 * the events that came before it was registered.
 */
final class Combination {

	private final FeedAddress address;

	private final Set<String> sections;

	private FeedStamp stamp = FeedStamp.NONE;

	private volatile boolean loaded;

	private Mono<FeedStamp> loading;

	Combination(FeedAddress address, Set<String> sections) {
		this.address = address;
		this.sections = sections;
	}

	/** The stamp once the outbox has been read, else null. */
	FeedStamp stamp() {
		if (!this.loaded) {
			return null;
		}
		synchronized (this) {
			return this.stamp;
		}
	}

	synchronized void touch(FeedStamp newer) {
		this.stamp = this.stamp.newer(newer);
	}

	/** The stamp, reading the outbox with {@code read} the first time. */
	synchronized Mono<FeedStamp> loaded(Supplier<Mono<FeedStamp>> read) {
		if (this.loaded) {
			return Mono.just(stamp());
		}
		if (this.loading == null) {
			this.loading = Mono.defer(read).map((found) -> {
				touch(found);
				this.loaded = true;
				return stamp();
			}).doOnError((ex) -> {
				synchronized (this) {
					this.loading = null;
				}
			}).cache();
		}
		return this.loading;
	}

	boolean matches(ArticleEvent event) {
		return matches(this.address, this.sections, event);
	}

	/**
	 * Whether an event changed the feed at an address: its article was in the feed before
	 * or after it (a re-tag changes the feeds of both tags, a move those of both
	 * sections). The one rule for every feed, validators and hub alike.
	 * @param sections the scope's sections, null for the outlet
	 */
	static boolean matches(FeedAddress address, Set<String> sections, ArticleEvent event) {
		if (holds(address, sections, event.section(), event.taxonomy())) {
			return true;
		}
		if (event.previous() == null && event.previousSection() == null) {
			return false;
		}
		return holds(address, sections, (event.previousSection() != null) ? event.previousSection() : event.section(),
				(event.previous() != null) ? event.previous() : event.taxonomy());
	}

	private static boolean holds(FeedAddress address, Set<String> sections, String section,
			ArticleEvent.Taxonomy taxonomy) {
		return (sections == null || sections.contains(section))
				&& (address.tag() == null || named(taxonomy.tags(), address.tag()))
				&& (address.author() == null || named(taxonomy.authors(), address.author()))
				&& (address.language() == null || (taxonomy.language() != null
						&& taxonomy.language().toLowerCase(Locale.ROOT).equals(address.language())));
	}

	private static boolean named(List<String> names, String slug) {
		for (String name : names) {
			if (NameSlugs.of(name).equals(slug)) {
				return true;
			}
		}
		return false;
	}

}
