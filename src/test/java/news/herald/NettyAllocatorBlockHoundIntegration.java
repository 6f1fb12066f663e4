package news.herald;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive allocator takes a {@code StampedLock} around a few memory-only
 * operations when it grows or frees a magazine. Netty's own BlockHound integration does
 * not yet list these, so BlockHound reported them as blocking at random under heavy
 * allocation. Only these two allocator methods are allowed; everything else stays
 * checked.
 */
public class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
				"tryExpandMagazines");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
	}

}
