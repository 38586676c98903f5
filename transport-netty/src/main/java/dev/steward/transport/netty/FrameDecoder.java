package dev.steward.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frames, each a 4-byte big-endian unsigned length and that many bytes,
 * and passes each on as a {@link ByteBuf} slice. A length above the limit (which includes lengths
 * with the top bit set, that is, garbage) is passed on once as an {@link OversizedFrame}; every
 * byte after it is discarded, since the stream has lost its framing.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    static final int LENGTH_BYTES = 4;

    private final int maxFrameBytes;
    private boolean discarding;

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LENGTH_BYTES) {
            return;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedInt(start);
        if (length > maxFrameBytes) {
            discarding = true;
            in.skipBytes(in.readableBytes());
            out.add(new OversizedFrame(length));
            return;
        }
        if (in.readableBytes() - LENGTH_BYTES < length) {
            return;
        }
        out.add(in.retainedSlice(start + LENGTH_BYTES, (int) length));
        in.readerIndex(start + LENGTH_BYTES + (int) length);
    }
}
