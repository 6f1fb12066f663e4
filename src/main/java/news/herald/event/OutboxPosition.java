package news.herald.event;

/**
 * Where an event sits in the database's history: its outbox id and the timeline it was
 * written on. The id alone is not enough: after an asynchronous failover the promoted
 * standby may lack the newest events and hand their ids out again, on a new timeline. On
 * the wire (stream ids, feed validators) a position reads {@code <timeline>-<id>}.
 *
 * @param timeline the PostgreSQL timeline of the write, {@link #ANY_TIMELINE} when a
 * client sent a bare id
 * @param id the outbox id
 */
public record OutboxPosition(int timeline, long id) {

	/** The timeline of a bare numeric id: whichever event now has that id. */
	public static final int ANY_TIMELINE = 0;

	/** Before any event. */
	public static final OutboxPosition START = new OutboxPosition(ANY_TIMELINE, 0);

	public static OutboxPosition of(ArticleEvent event) {
		return new OutboxPosition(event.timeline(), event.id());
	}

	/**
	 * Reads {@code <timeline>-<id>}, or a bare {@code <id>} as Herald sent before ids
	 * carried a timeline.
	 * @return the position, or null when the text is neither or the id is not positive
	 */
	public static OutboxPosition parse(String text) {
		String trimmed = text.strip();
		int dash = trimmed.indexOf('-');
		try {
			int timeline = (dash < 0) ? ANY_TIMELINE : Integer.parseInt(trimmed.substring(0, dash));
			long id = Long.parseLong(trimmed.substring(dash + 1));
			return (id > 0 && (dash < 0 || timeline > 0)) ? new OutboxPosition(timeline, id) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Whether an event written on {@code timeline} is the one this position names: a bare
	 * id names whichever event has it.
	 */
	public boolean names(int timeline) {
		return this.timeline == ANY_TIMELINE || this.timeline == timeline;
	}

	@Override
	public String toString() {
		return this.timeline + "-" + this.id;
	}

}
