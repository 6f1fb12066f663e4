package news.herald.audience;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Distinct-client counts against the truth, merged across instances and threads. */
class ClientSketchTests {

	private static final int CLIENTS = 100_000;

	@Test
	void hundredThousandClientsAreCountedWithinTwoPercent() {
		ClientSketch sketch = new ClientSketch();
		for (int i = 0; i < CLIENTS; i++) {
			sketch.update(client(i));
			// Each client comes back: repeats must not count.
			sketch.update(client(i));
		}
		assertThat(ClientSketch.estimate(List.of(sketch.toBytes()))).isCloseTo(CLIENTS, within(CLIENTS * 2 / 100L));
	}

	@Test
	void twoInstancesMergeWithoutCountingSharedClientsTwice() throws InterruptedException {
		ClientSketch one = new ClientSketch();
		ClientSketch two = new ClientSketch();
		// 0..59,999 ask the first instance, 40,000..99,999 the second, on several
		// threads.
		ExecutorService threads = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			int offset = t;
			threads.execute(() -> {
				for (int i = offset; i < CLIENTS; i += 4) {
					if (i < 60_000) {
						one.update(client(i));
					}
					if (i >= 40_000) {
						two.update(client(i));
					}
				}
			});
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		assertThat(ClientSketch.estimate(List.of(one.toBytes()))).isCloseTo(60_000, within(1_200L));
		assertThat(ClientSketch.estimate(List.of(one.toBytes(), two.toBytes()))).isCloseTo(CLIENTS,
				within(CLIENTS * 2 / 100L));
	}

	private static byte[] client(int i) {
		return ("salt10.0." + (i / 250) + "." + (i % 250) + "\0newsboat/2.36").getBytes(StandardCharsets.UTF_8);
	}

}
