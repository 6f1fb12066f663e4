package news.herald.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The h2c upgrade offer on a plain connection lasts until its first request: taken up,
 * the upgrade goes ahead; not taken up, the upgrade handler (and the HTTP/2 codec it
 * holds) leaves the pipeline, and the connection goes on as HTTP/1.1.
 */
class H2cUpgradeOfferTests {

	@Test
	void aFirstRequestWithoutUpgradeWithdrawsTheOffer() {
		EmbeddedChannel channel = plainConnection();
		channel.writeInbound(Unpooled.copiedBuffer("GET /feeds/rss.xml HTTP/1.1\r\nHost: localhost\r\n\r\n",
				StandardCharsets.US_ASCII));
		assertThat(channel.pipeline().get(HttpServerUpgradeHandler.class)).isNull();
		assertThat(channel.pipeline().get(H2cUpgradeOffer.Withdrawal.class)).isNull();
		Object request = channel.readInbound();
		assertThat(request).isInstanceOf(HttpRequest.class);
		assertThat(((HttpRequest) request).uri()).isEqualTo("/feeds/rss.xml");
		ReferenceCountUtil.release(request);
		// The connection keeps working: the next request still reaches the application.
		channel.writeInbound(Unpooled.copiedBuffer("GET /feeds/atom.xml HTTP/1.1\r\nHost: localhost\r\n\r\n",
				StandardCharsets.US_ASCII));
		Object next = readRequest(channel);
		assertThat(((HttpRequest) next).uri()).isEqualTo("/feeds/atom.xml");
		ReferenceCountUtil.release(next);
		channel.finishAndReleaseAll();
	}

	@Test
	void aFirstRequestAskingToUpgradeKeepsTheOffer() {
		EmbeddedChannel channel = plainConnection();
		channel.writeInbound(Unpooled.copiedBuffer(
				"GET /feeds/rss.xml HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
						+ "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
				StandardCharsets.US_ASCII));
		// The upgrade codec below declines (this test has no HTTP/2 codec), so the
		// request goes
		// on as HTTP/1.1; what matters is that the offer was still standing when it came.
		assertThat(channel.pipeline().get(H2cUpgradeOffer.Withdrawal.class)).isNotNull();
		channel.finishAndReleaseAll();
	}

	private static EmbeddedChannel plainConnection() {
		HttpServerCodec codec = new HttpServerCodec();
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addLast(codec);
		channel.pipeline().addLast(new HttpServerUpgradeHandler(codec, (protocol) -> null));
		channel.pipeline().addLast(new H2cUpgradeOffer.Withdrawal());
		return channel;
	}

	private static Object readRequest(EmbeddedChannel channel) {
		Object message;
		while ((message = channel.readInbound()) != null) {
			if (message instanceof HttpRequest) {
				return message;
			}
			ReferenceCountUtil.release(message);
		}
		throw new AssertionError("no request reached the application");
	}

}
