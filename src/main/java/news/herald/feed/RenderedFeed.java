package news.herald.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import news.herald.http.EntityTags;

/**
 * A feed page as it goes on the wire, kept in the cache: the bytes, their gzip and Brotli
 * forms and the validators, computed once per render so that serving it costs no
 * formatting and no compression.
 *
 * @param stamp the event the render is current with
 * @param format the wire format
 * @param plain the uncompressed bytes
 * @param gzip the same bytes gzip-compressed
 * @param brotli the same bytes Brotli-compressed, null where Brotli is unavailable
 * @param validators the ETags and Last-Modified of this state of the feed
 */
record RenderedFeed(FeedStamp stamp, FeedFormat format, byte[] plain, byte[] gzip, byte[] brotli,
		Validators validators) {

	long weight() {
		return this.plain.length + (long) this.gzip.length + ((this.brotli != null) ? this.brotli.length : 0);
	}

	/** The bytes in the given coding. */
	byte[] body(ContentCoding coding) {
		return switch (coding) {
			case IDENTITY -> this.plain;
			case GZIP -> this.gzip;
			case BROTLI -> this.brotli;
		};
	}

	/**
	 * The validators of one state of one feed. The ETag names the newest event that
	 * touched the feed plus a digest of the settings that shape its bytes, so every
	 * instance with the same settings gives the same ETag for the same state; each
	 * compressed representation gets its own ETag, as its bytes differ.
	 *
	 * @param etag the ETag of the uncompressed representation
	 * @param gzipEtag the ETag of the gzip representation
	 * @param brotliEtag the ETag of the Brotli representation
	 * @param lastModified the {@code Last-Modified} value, null when no event touched the
	 * feed yet
	 * @param lastModifiedSecond {@code Last-Modified} in epoch seconds, -1 if none
	 * @param settledAt when {@code Last-Modified} becomes trustworthy; see
	 * {@link #lastModifiedAt(Instant)}
	 */
	record Validators(String etag, String gzipEtag, String brotliEtag, String lastModified, long lastModifiedSecond,
			Instant settledAt) {

		private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME
			.withZone(ZoneOffset.UTC);

		static Validators of(FeedStamp stamp, String settingsDigest) {
			String tag = "\"" + settingsDigest + "-" + stamp.token();
			String lastModified = null;
			long second = -1;
			Instant settledAt = null;
			if (stamp.at() != null) {
				Instant truncated = stamp.at().truncatedTo(ChronoUnit.SECONDS);
				lastModified = HTTP_DATE.format(truncated);
				second = truncated.getEpochSecond();
				settledAt = truncated.plusSeconds(2);
			}
			return new Validators(tag + "\"", tag + "-gzip\"", tag + "-br\"", lastModified, second, settledAt);
		}

		/**
		 * The event id an ETag of these settings names (in any coding) when it was
		 * current on this timeline, or -1 when it is not one: the inverse of {@link #of},
		 * for RFC 3229 deltas. A tag of another timeline may name an event a failover
		 * lost.
		 * @param tag the entity tag without quotes or weak prefix
		 * @param settingsDigest the current settings digest
		 * @param timeline the timeline of the feed's newest event
		 */
		static long eventIdOf(String tag, String settingsDigest, int timeline) {
			String prefix = settingsDigest + "-" + timeline + "-";
			if (!tag.startsWith(prefix)) {
				return -1;
			}
			String id = tag.substring(prefix.length());
			id = id.endsWith("-gzip") ? id.substring(0, id.length() - 5)
					: id.endsWith("-br") ? id.substring(0, id.length() - 3) : id;
			if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return -1;
			}
			return Long.parseLong(id);
		}

		/** The ETag of the representation in the given coding. */
		String etag(ContentCoding coding) {
			return switch (coding) {
				case IDENTITY -> this.etag;
				case GZIP -> this.gzipEtag;
				case BROTLI -> this.brotliEtag;
			};
		}

		/**
		 * {@code Last-Modified} if it can be handed out now. HTTP dates have one-second
		 * resolution, so a date given out during the second of the change could also
		 * belong to a later change in that same second, and a client would then get a
		 * false 304; we only send it once that second (plus a margin for clock skew
		 * between database and instance) has passed, and rely on the ETag until then.
		 */
		String lastModifiedAt(Instant now) {
			return (this.settledAt != null && !now.isBefore(this.settledAt)) ? this.lastModified : null;
		}

		/**
		 * Whether an {@code If-None-Match} value names this state, in any of its codings.
		 */
		boolean matches(String ifNoneMatch) {
			return EntityTags.weakMatch(ifNoneMatch, this.etag, this.gzipEtag, this.brotliEtag);
		}

		/**
		 * Whether an {@code If-Modified-Since} date (epoch millis) covers this state;
		 * never before this state's {@code Last-Modified} could have been handed out.
		 */
		boolean notModifiedSince(long ifModifiedSinceMillis, Instant now) {
			return this.lastModifiedSecond >= 0 && !now.isBefore(this.settledAt)
					&& this.lastModifiedSecond <= ifModifiedSinceMillis / 1000;
		}

	}

}
