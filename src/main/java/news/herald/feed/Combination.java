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
		if (holds(event.section(), event.taxonomy())) {
			return true;
		}
		if (event.previous() == null && event.previousSection() == null) {
			return false;
		}
		return holds((event.previousSection() != null) ? event.previousSection() : event.section(),
				(event.previous() != null) ? event.previous() : event.taxonomy());
	}

	private boolean holds(String section, ArticleEvent.Taxonomy taxonomy) {
		return (this.sections == null || this.sections.contains(section))
				&& (this.address.tag() == null || named(taxonomy.tags(), this.address.tag()))
				&& (this.address.author() == null || named(taxonomy.authors(), this.address.author()))
				&& (this.address.language() == null || (taxonomy.language() != null
						&& taxonomy.language().toLowerCase(Locale.ROOT).equals(this.address.language())));
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
