package news.herald.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPositionTests {

	@Test
	void readsTimelineAndIdAndWritesThemBack() {
		OutboxPosition position = OutboxPosition.parse("3-1235");
		assertThat(position).isEqualTo(new OutboxPosition(3, 1235));
		assertThat(position).hasToString("3-1235");
		assertThat(position.names(3)).isTrue();
		assertThat(position.names(2)).as("the same id on another timeline").isFalse();
	}

	@Test
	void aBareIdAsHeraldSentBeforeNamesWhicheverEventHasIt() {
		OutboxPosition position = OutboxPosition.parse(" 1235 ");
		assertThat(position).isEqualTo(new OutboxPosition(OutboxPosition.ANY_TIMELINE, 1235));
		assertThat(position.names(1)).isTrue();
		assertThat(position.names(7)).isTrue();
	}

	@Test
	void anythingElseIsNoPosition() {
		for (String text : new String[] { "", "garbage", "-5", "0", "2-0", "0-5", "2-", "-", "1-2-3", "x-5",
				"99999999999-1" }) {
			assertThat(OutboxPosition.parse(text)).as("'%s'", text).isNull();
		}
	}

}
