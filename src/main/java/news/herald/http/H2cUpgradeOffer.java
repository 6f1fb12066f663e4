package news.herald.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps HTTP/2's price off the connections that stay on HTTP/1.1. With h2c on the plain
 * port, Reactor Netty builds a whole HTTP/2 frame codec for every connection, up front,
 * in case its client asks to upgrade, and keeps it as long as the connection lives: about
 * 5 KiB of heap per idle event stream. A client that means to switch asks on its first
 * request (prior knowledge sends the preface instead; browsers never use h2c), so once a
 * first request arrives without an {@code Upgrade} header the offer is withdrawn and the
 * codec is left to the garbage collector. Later requests on that connection that ask to
 * upgrade are served over HTTP/1.1, as a server may always decline an upgrade.
 */
@Component
class H2cUpgradeOffer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remote) -> {
			ChannelPipeline pipeline = channel.pipeline();
			// Only plain connections with the h2c upgrade in place; TLS ones negotiate by
			// ALPN.
			if (pipeline.get(HttpServerUpgradeHandler.class) != null
					&& pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
				pipeline.addBefore(NettyPipeline.HttpTrafficHandler, null, new Withdrawal());
			}
		});
	}

	/** Withdraws the upgrade offer at the first request that does not take it up. */
	static final class Withdrawal extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpRequest request && !request.headers().contains(HttpHeaderNames.UPGRADE)) {
				ChannelPipeline pipeline = ctx.pipeline();
				HttpServerUpgradeHandler upgrade = pipeline.get(HttpServerUpgradeHandler.class);
				if (upgrade != null) {
					pipeline.remove(upgrade);
				}
				pipeline.remove(this);
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof HttpServerUpgradeHandler.UpgradeEvent
					|| event instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent) {
				ctx.pipeline().remove(this);
			}
			ctx.fireUserEventTriggered(event);
		}

	}

}
