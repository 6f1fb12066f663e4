package news.herald.ticker;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Another site, on another origin (127.0.0.1 rather than localhost, and its own port),
 * that embeds Herald's ticker the way a partner would: one script tag.
 */
final class PartnerSite implements AutoCloseable {

	private final DisposableServer server;

	private PartnerSite(DisposableServer server) {
		this.server = server;
	}

	static PartnerSite embedding(String heraldOrigin, String section, int limit) {
		return embedding(heraldOrigin, List.of(section), limit);
	}

	/** A page with one ticker per section, each of {@code limit} headlines. */
	static PartnerSite embedding(String heraldOrigin, List<String> sections, int limit) {
		String tickers = sections.stream()
			.map((section) -> "<script src=\"%s/ticker.js\" data-section=\"%s\" data-limit=\"%d\"></script>"
				.formatted(heraldOrigin, section, limit))
			.collect(Collectors.joining("\n"));
		String html = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>The Steppe Courier</title>
				<style>
				  body { font: 17px/1.5 Georgia, serif; margin: 2rem; background: #fbf8f1; color: #222; }
				  /* A careless site style that must not reach into the widget. */
				  li { color: red !important; font-size: 40px; }
				  .herald-ticker { --herald-accent: #8b1e3f; --herald-max-width: 24rem; --herald-background: #fffdf8; }
				</style>
				<script>window.__globalsBefore = Object.getOwnPropertyNames(window);</script>
				</head>
				<body>
				<h1>The Steppe Courier</h1>
				<p>Our own story of the day sits here; the latest from Herald is on the side.</p>
				<aside>
				%s
				<script>window.__globalsAfter = Object.getOwnPropertyNames(window);</script>
				</aside>
				</body>
				</html>
				""".formatted(tickers);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/",
					(request, response) -> response.header("Content-Type", "text/html; charset=utf-8")
						.sendString(Mono.just(html))))
			.bindNow(Duration.ofSeconds(30));
		return new PartnerSite(server);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port() + "/";
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
	}

}
