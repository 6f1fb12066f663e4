package news.herald.feed;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import news.herald.event.ArticleEventType;

/**
 * The delta rule: which articles a reader holding one state of a feed lacks, read from
 * the events since that state rather than by comparing bytes. A delta can only add or
 * replace entries (RFC 3229 {@code feed} has no way to say "remove this one"), so a
 * retraction or a move out of the feed since then leaves the full feed as the only
 * correct answer.
 */
final class FeedChanges {

	private FeedChanges() {
	}

	/**
	 * The ids of the articles published into or updated in the feed after event
	 * {@code sinceId}, or null when the reader must get the full feed: the first change
	 * is not event {@code sinceId} itself (so that event never touched this feed and the
	 * ETag is not one of its states), or an article left the feed since.
	 * @param sections the feed's sections, null for the whole outlet
	 * @param sinceId the newest event the reader's representation reflects
	 * @param changes the events concerning the feed from {@code sinceId} on, oldest first
	 */
	static Set<UUID> since(Set<String> sections, long sinceId, List<FeedDeltaRepository.Change> changes) {
		if (changes.isEmpty() || changes.get(0).id() != sinceId) {
			return null;
		}
		Set<UUID> touched = new HashSet<>();
		for (FeedDeltaRepository.Change change : changes.subList(1, changes.size())) {
			boolean movedOut = sections != null && !sections.contains(change.section());
			if (change.type() == ArticleEventType.RETRACTED || movedOut) {
				return null;
			}
			touched.add(change.articleId());
		}
		return touched;
	}

}
