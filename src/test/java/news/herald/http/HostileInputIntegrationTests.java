package news.herald.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static news.herald.article.PublishingFixtures.EDITOR_KEY;
import static news.herald.article.PublishingFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated catalogue of bad requests (Hosts, paths, parameters, headers, methods,
 * bodies, keys) fired at the running app over plain sockets, one connection each. Every
 * one must get exactly one whole answer; no 5xx but a 503 with {@code Retry-After}; every
 * refusal Herald writes is problem+json with a detail; nothing is written without a valid
 * key, and a repeated write is not stored twice. The tallies are printed
 * (docs/RELIABILITY.md quotes them): rerun with
 * {@code ./mvnw test -Dtest=HostileInputIntegrationTests} and read the line starting
 * {@code HOSTILE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "herald.test.context=http-hardening")
class HostileInputIntegrationTests {

	private static final String MARK = "HOSTILE" + Long.toString(System.nanoTime(), 36);

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.shared();

	@Test
	void everyBadInputGetsOneWholeAnswerThatSaysWhy() throws Exception {
		List<String[]> catalogue = catalogue();
		Map<String, Integer> tally = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (String[] entry : catalogue) {
			String what = entry[0];
			List<RawHttp.Response> responses;
			try {
				responses = RawHttp.exchange(this.port, entry[1]);
			}
			catch (java.io.IOException ex) {
				responses = List.of();
			}
			count(tally, "tried");
			if (responses.isEmpty()) {
				count(tally, "lost");
				failures.add(what + ": no answer");
				continue;
			}
			if (responses.size() > 1) {
				count(tally, "duplicated");
				failures.add(what + ": " + responses.size() + " answers to one request");
			}
			RawHttp.Response response = responses.get(0);
			int status = response.status();
			count(tally, status / 100 + "xx");
			String length = response.header("content-length");
			if (length != null && !entry[1].startsWith("HEAD")
					&& response.body().getBytes(StandardCharsets.UTF_8).length != Integer.parseInt(length)) {
				count(tally, "corrupt");
				failures.add(what + ": body shorter than its Content-Length");
			}
			if (status >= 500 && !(status == 503 && response.header("retry-after") != null)) {
				failures.add(what + ": " + status);
			}
			if (status >= 400) {
				check(what, response, tally, failures);
			}
		}
		int unauthorised = storedWithout();
		tally.put("unauthorised", unauthorised);
		tally.put("duplicatedWrites", repeatedWriteStoredTwice());
		System.out.println("HOSTILE " + tally);
		assertThat(failures).isEmpty();
		assertThat(unauthorised).isZero();
		assertThat(tally.get("duplicatedWrites")).isZero();
		assertThat(tally.get("tried")).isGreaterThan(300);
	}

	private void check(String what, RawHttp.Response response, Map<String, Integer> tally, List<String> failures) {
		String type = response.header("content-type");
		if (type == null && response.body().isEmpty()) {
			// Refused by Reactor Netty's HTTP decoder before Herald sees the request.
			count(tally, "refusedByNettyWithoutBody");
			if (response.status() != 400 && response.status() != 414 && response.status() != 431) {
				failures.add(what + ": bodyless " + response.status());
			}
			return;
		}
		if (type == null || !type.startsWith("application/problem+json")) {
			count(tally, "notProblem");
			failures.add(what + ": " + response.status() + " as " + type);
			return;
		}
		try {
			JsonNode problem = this.json.readTree(response.body());
			if (problem.path("detail").asString("").isBlank() || problem.path("status").asInt() != response.status()) {
				failures.add(what + ": problem without a detail or with another status");
			}
			count(tally, "problems");
		}
		catch (RuntimeException ex) {
			count(tally, "corrupt");
			failures.add(what + ": unreadable problem " + ex.getMessage());
		}
	}

	/** Writes sent without a valid key that got stored anyway. */
	private int storedWithout() throws Exception {
		RawHttp.Response list = RawHttp.send(this.port, "GET", "/api/articles?limit=200");
		assertThat(list.status()).isEqualTo(200);
		int found = 0;
		for (JsonNode article : this.json.readTree(list.body()).get("articles")) {
			if (article.path("title").asString("").contains(MARK)) {
				found++;
			}
		}
		return found;
	}

	/** The same create sent twice with a key: the second must not store a copy. */
	private int repeatedWriteStoredTwice() throws Exception {
		Map<String, Object> article = article("europe");
		String body = this.json.writeValueAsString(article);
		for (int i = 0; i < 2; i++) {
			RawHttp.exchange(this.port, post("/api/articles", "Bearer " + EDITOR_KEY, "application/json", body));
		}
		RawHttp.Response list = RawHttp.send(this.port, "GET", "/api/articles?limit=200");
		int copies = 0;
		for (JsonNode stored : this.json.readTree(list.body()).get("articles")) {
			if (stored.path("externalId").asString("").equals(article.get("externalId"))) {
				copies++;
			}
		}
		return Math.max(0, copies - 1);
	}

	private List<String[]> catalogue() {
		List<String[]> all = new ArrayList<>();
		String[] reads = { "/feeds/rss.xml", "/feeds/world/atom.xml", "/feeds/europe/feed.json", "/feeds.opml",
				"/api/articles", "/api/sections", "/" };
		for (String host : new String[] { "a b", "user@x", "x\"y", "", "[::1", "exa mple.com:80", "%00", "x:99999",
				"\u00e9.example", "-" }) {
			for (String path : reads) {
				all.add(entry("host " + host + " " + path,
						"GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"));
			}
		}
		for (String path : new String[] { "/feeds;x/rss.xml", "/feeds/rss.xml;jsessionid=1", "/api/articles;x=1",
				"//feeds/rss.xml", "/feeds//rss.xml", "/api//articles", "/feeds/../feeds/rss.xml", "/feeds/world/..",
				"/api/articles/../sections", "/feeds/%2e%2e/rss.xml", "/feeds/%2E%2E/world/rss.xml",
				"/api/articles/%2e%2e", "/feeds%2Frss.xml", "/feeds/world%2frss.xml", "/api/articles%2F1",
				"/feeds/%5c/rss.xml", "/feeds/./rss.xml", "/feeds/%00/rss.xml", "/feeds/%ff/rss.xml",
				"/api/articles/%25", "/feeds/world/rss.xml%00", "/api/articles/" + "a".repeat(3000),
				"/feeds/" + "x/".repeat(500) + "rss.xml", "/feeds/sport/rss.xml", "/feeds/world/rss.json",
				"/feeds/world", "/feeds/", "/feeds/index.html", "/api/articles/00000000-0000-0000-0000-000000000000",
				"/api/articles/no-such-slug", "/stream/atlantis", "/api/nothing", "/%7e", "/feeds/world/RSS.XML" }) {
			all.add(entry("path " + path, get(path)));
		}
		String[] numbers = { "0", "-1", "201", "1e3", "abc", "99999999999999999999", "", " ", "%00", "1.5", "0x10",
				"%E2%80%8B1", "+", "NaN" };
		for (String value : numbers) {
			for (String endpoint : new String[] { "/feeds/rss.xml", "/feeds/world/atom.xml", "/api/articles" }) {
				if (!value.isEmpty() && !value.isBlank()) {
					all.add(entry("limit " + value + " " + endpoint, get(endpoint + "?limit=" + value)));
				}
				all.add(entry("cursor " + value + " " + endpoint, get(endpoint + "?cursor=" + value)));
			}
			if (!value.isEmpty() && !value.isBlank()) {
				all.add(entry("backfill " + value, get("/stream?backfill=" + value)));
			}
		}
		for (String repeated : new String[] { "limit=1&limit=2", "cursor=1&cursor=1", "section=world&section=europe",
				"a=1&a=2", "limit=5&LIMIT=6&limit=7" }) {
			for (String endpoint : new String[] { "/feeds/rss.xml", "/api/articles", "/stream", "/feeds.opml" }) {
				all.add(entry("repeated " + repeated + " " + endpoint, get(endpoint + "?" + repeated)));
			}
		}
		all.add(entry("sections unknown", get("/stream?sections=world,atlantis")));
		all.add(entry("section unknown api", get("/api/articles?section=atlantis")));
		for (String header : new String[] { "X-Big: " + "v".repeat(20_000), "Cookie: " + "c=1; ".repeat(3000),
				"If-None-Match: " + "\"x\", ".repeat(3000), "Accept: garbage/", "Accept: */*;q=abc",
				"Accept-Encoding: " + "gzip;q=0.".repeat(500), "If-Modified-Since: yesterday",
				"If-None-Match: \"unterminated", "Forwarded: for=\"[::1\";host=\"a b\"", "X-Forwarded-Host: a b",
				"X-Forwarded-For: not-an-address", "Range: bytes=9-1", "Content-Length: -1", "Bad\u0001Header: x",
				"X-Ctl: a\u0007b" }) {
			for (String path : new String[] { "/feeds/rss.xml", "/api/articles" }) {
				all.add(entry("header " + header.substring(0, Math.min(30, header.length())) + " " + path,
						"GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n"));
			}
		}
		for (String method : new String[] { "PATCH /feeds/rss.xml", "DELETE /api/sections", "PUT /feeds.opml",
				"TRACE /", "FOO /", "CONNECT localhost:80", "POST /stream", "DELETE /api/articles" }) {
			all.add(entry("method " + method,
					method + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
		}
		all.add(entry("request line garbage", "GARBAGE\r\n\r\n"));
		all.add(entry("http/9", "GET / HTTP/9.9\r\nHost: localhost\r\n\r\n"));
		String valid = this.json.writeValueAsString(marked(article("europe")));
		for (String key : new String[] { null, "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer wrong",
				"Bearer " + "k".repeat(10_000), "bearer  " + EDITOR_KEY + "x", "Token " + EDITOR_KEY,
				"Bearer " + EDITOR_KEY.toUpperCase() }) {
			all.add(entry("key " + String.valueOf(key).substring(0, Math.min(20, String.valueOf(key).length())),
					post("/api/articles", key, "application/json", valid)));
			all.add(entry("key put " + key, put("/api/articles/" + MARK, key, valid)));
		}
		for (String body : new String[] { "", "{", "[]", "null", "\"text\"", "42", "{\"section\":", "{}",
				"{\"section\":\"europe\"}", "{\"section\":\"europe\",\"title\":123,\"url\":\"https://n.example/a\"}",
				"{\"section\":[\"europe\"],\"title\":\"t\",\"url\":\"https://n.example/a\"}",
				"{\"section\":\"atlantis\",\"title\":\"t\",\"url\":\"https://n.example/a\"}",
				"{\"section\":\"europe\",\"title\":\"t\",\"url\":\"javascript:alert(1)\"}",
				"{\"section\":\"europe\",\"title\":\"\u202Et\",\"url\":\"https://n.example/a\"}",
				"{\"section\":\"europe\",\"title\":\"\u200B\",\"url\":\"https://n.example/a\"}",
				"{\"section\":\"europe\",\"title\":\"t\",\"url\":\"https://n.example/a\",\"publishedAt\":\"tomorrow\"}",
				"{\"section\":\"europe\",\"title\":\"t\",\"url\":\"https://n.example/a\",\"language\":\"en"
						+ "-abcdefgh".repeat(2000) + "\"}",
				"[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
				"{\"section\":\"europe\",\"title\":\"" + "t".repeat(100_000) + "\",\"url\":\"https://n.example/a\"}",
				"\u0000\u0001\u0002", "{\"section\":\"europe\",\"title\":\"t\",\"url\":\"https://n.example/a\","
						+ "\"bodyHtml\":\"" + "<div>".repeat(20_000) + "\"}" }) {
			all.add(entry("body " + body.substring(0, Math.min(40, body.length())),
					post("/api/articles", "Bearer " + EDITOR_KEY, "application/json", body)));
		}
		// With a valid key a write may be stored: not marked as one that must never be.
		String keyed = this.json.writeValueAsString(article("europe"));
		for (String type : new String[] { null, "text/plain", "application/xml", "application/json; charset=latin-9",
				"multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "garbage" }) {
			all.add(entry("content type " + type, post("/api/articles", "Bearer " + EDITOR_KEY, type, keyed)));
		}
		return all;
	}

	private static Map<String, Object> marked(Map<String, Object> article) {
		article.put("title", MARK + " must never be stored");
		return article;
	}

	private static String[] entry(String what, String request) {
		return new String[] { what, request };
	}

	private static String get(String target) {
		return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
	}

	private static String post(String path, String authorization, String type, String body) {
		return write("POST", path, authorization, type, body);
	}

	private static String put(String path, String authorization, String body) {
		return write("PUT", path, authorization, "application/json", body);
	}

	private static String write(String method, String path, String authorization, String type, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
		if (authorization != null) {
			request.append("Authorization: ").append(authorization).append("\r\n");
		}
		if (type != null) {
			request.append("Content-Type: ").append(type).append("\r\n");
		}
		return request.append("Content-Length: ")
			.append(bytes.length)
			.append("\r\nConnection: close\r\n\r\n")
			.append(body)
			.toString();
	}

	private static void count(Map<String, Integer> tally, String key) {
		tally.merge(key, 1, Integer::sum);
	}

}
