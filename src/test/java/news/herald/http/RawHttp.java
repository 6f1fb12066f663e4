package news.herald.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send as written (a
 * {@code ;} or {@code ..} in the path, pipelined requests) and for answers read byte for
 * byte: every response the server wrote before it closed, or before a quiet second.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** Sends the bytes in one write and reads the responses until the server closes. */
	static List<Response> exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			return parse(readUntilClosed(socket.getInputStream()));
		}
	}

	/** One request with {@code Connection: close}; the one response. */
	static Response send(int port, String method, String target, String... headers) throws IOException {
		StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		List<Response> responses = exchange(port, request.toString());
		return responses.isEmpty() ? null : responses.get(0);
	}

	private static byte[] readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (SocketTimeoutException ex) {
			// A server that keeps the connection open: what it sent so far is the answer.
		}
		return bytes.toByteArray();
	}

	/** Splits consecutive responses, each framed by Content-Length or chunked. */
	static List<Response> parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		List<Response> responses = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int headEnd = text.indexOf("\r\n\r\n", at);
			if (headEnd < 0) {
				break;
			}
			String[] lines = text.substring(at, headEnd).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
			}
			int bodyStart = headEnd + 4;
			StringBuilder body = new StringBuilder();
			int next;
			if (headers.containsKey("content-length")) {
				next = Math.min(text.length(), bodyStart + Integer.parseInt(headers.get("content-length")));
				body.append(text, bodyStart, next);
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				next = bodyStart;
				while (true) {
					int lineEnd = text.indexOf("\r\n", next);
					if (lineEnd < 0) {
						next = text.length();
						break;
					}
					int size = Integer.parseInt(text.substring(next, lineEnd).split(";")[0].strip(), 16);
					next = lineEnd + 2;
					if (size == 0) {
						next = Math.min(text.length(), next + 2);
						break;
					}
					body.append(text, next, Math.min(text.length(), next + size));
					next = Math.min(text.length(), next + size + 2);
				}
			}
			else if (status == 304 || status == 204 || status / 100 == 1) {
				next = bodyStart;
			}
			else {
				next = text.length();
				body.append(text, bodyStart, next);
			}
			byte[] raw = body.toString().getBytes(StandardCharsets.ISO_8859_1);
			responses.add(new Response(status, headers, new String(raw, StandardCharsets.UTF_8)));
			at = next;
		}
		return responses;
	}

	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
