package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final int MAX = 64;

    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void joinsAFrameSplitAcrossReads() {
        ByteBuf wire = frame("hello, frames");

        channel.writeInbound(wire.readRetainedSlice(2));
        channel.writeInbound(wire.readRetainedSlice(5));
        assertThat(channel.<Object>readInbound()).isNull();
        channel.writeInbound(wire.readRetainedSlice(wire.readableBytes()));
        wire.release();

        assertThat(text(channel.readInbound())).isEqualTo("hello, frames");
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void splitsSeveralFramesInOneRead() {
        ByteBuf wire = Unpooled.wrappedBuffer(frame("one"), frame(""), frame("three"), frame("x".repeat(MAX)));

        channel.writeInbound(wire);

        assertThat(text(channel.readInbound())).isEqualTo("one");
        assertThat(text(channel.readInbound())).isEmpty();
        assertThat(text(channel.readInbound())).isEqualTo("three");
        assertThat(text(channel.readInbound())).isEqualTo("x".repeat(MAX));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void reportsAnOversizedFrameOnceAndDiscardsTheRest() {
        channel.writeInbound(frame("before"));
        channel.writeInbound(Unpooled.buffer().writeInt(MAX + 1).writeBytes(new byte[10]));
        channel.writeInbound(frame("after"));
        channel.writeInbound(Unpooled.buffer().writeInt(MAX * 2));

        assertThat(text(channel.readInbound())).isEqualTo("before");
        assertThat(channel.<Object>readInbound()).isEqualTo(new OversizedFrame(MAX + 1));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void readsAGarbageLengthAsAnUnsignedOversizedFrame() {
        channel.writeInbound(
                Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1}));

        assertThat(channel.<Object>readInbound()).isEqualTo(new OversizedFrame(0xFFFF_FFFFL));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void leavesAPartialFrameForLater() {
        channel.writeInbound(Unpooled.buffer().writeInt(10).writeBytes(new byte[9]));

        assertThat(channel.<Object>readInbound()).isNull();
        channel.writeInbound(Unpooled.buffer().writeByte(7));
        ByteBuf frame = channel.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(10);
        assertThat(frame.getByte(9)).isEqualTo((byte) 7);
        frame.release();
    }

    static ByteBuf frame(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    static String text(ByteBuf frame) {
        assertThat(frame).as("a decoded frame").isNotNull();
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }
}
