package dev.steward.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Prefixes each outgoing {@link ByteBuf} with its length as a 4-byte big-endian number. Small
 * payloads are copied next to their prefix so that a batch of them is written from a few buffers;
 * large ones go out as a separate prefix buffer and the payload itself, uncopied.
 */
@Sharable
final class FrameEncoder extends MessageToMessageEncoder<ByteBuf> {
    static final FrameEncoder INSTANCE = new FrameEncoder();

    /** Up to this size a copy costs less than one more entry in the gathering write. */
    static final int COPY_THRESHOLD = 1024;

    private FrameEncoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        int length = payload.readableBytes();
        if (length <= COPY_THRESHOLD) {
            ByteBuf frame = ctx.alloc().ioBuffer(FrameDecoder.LENGTH_BYTES + length);
            frame.writeInt(length).writeBytes(payload, payload.readerIndex(), length);
            out.add(frame);
        } else {
            out.add(ctx.alloc().ioBuffer(FrameDecoder.LENGTH_BYTES).writeInt(length));
            out.add(payload.retain());
        }
    }
}
