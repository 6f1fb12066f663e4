package news.herald;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Dumps every thread's stack when a test runs suspiciously long, so that a hang on a CI
 * machine leaves the evidence of what waited on what (printed, and written to
 * {@code target/hangs/}). Registered for every test class through the JUnit extension
 * service loader; it changes no outcome.
 */
public class HangWatchdog implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

	private static final Duration PATIENCE = Duration.ofSeconds(25);

	private static final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "hang-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HangWatchdog.class);

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
		ScheduledFuture<?> dump = timer.schedule(() -> dump(test), PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		context.getStore(NAMESPACE).put("dump", dump);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		ScheduledFuture<?> dump = context.getStore(NAMESPACE).remove("dump", ScheduledFuture.class);
		if (dump != null) {
			dump.cancel(false);
		}
	}

	private static void dump(String test) {
		StringBuilder out = new StringBuilder(
				"=== " + test + " still running after " + PATIENCE.toSeconds() + " s; thread dump:\n");
		for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
			if (info.getLockName() != null) {
				out.append(" on ").append(info.getLockName());
			}
			if (info.getLockOwnerName() != null) {
				out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
			}
			out.append('\n');
			for (StackTraceElement frame : info.getStackTrace()) {
				out.append("\tat ").append(frame).append('\n');
			}
		}
		System.out.println(out);
		try {
			Path dir = Files.createDirectories(Path.of("target", "hangs"));
			Files.writeString(dir.resolve(test.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt"), out);
		}
		catch (Exception ex) {
			System.out.println("Could not write the thread dump: " + ex);
		}
	}

}
