package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(FrameEncoder.INSTANCE);

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void prefixesASmallPayloadInOneBuffer() {
        channel.writeOutbound(Unpooled.copiedBuffer("abc", StandardCharsets.UTF_8));

        ByteBuf out = channel.readOutbound();
        assertThat(out.readInt()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abc");
        out.release();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void prefixesAnEmptyPayload() {
        channel.writeOutbound(Unpooled.EMPTY_BUFFER);

        ByteBuf out = channel.readOutbound();
        assertThat(out.readableBytes()).isEqualTo(4);
        assertThat(out.readInt()).isZero();
        out.release();
    }

    @Test
    void sendsALargePayloadAfterASeparatePrefix() {
        int length = FrameEncoder.COPY_THRESHOLD + 1;
        ByteBuf payload = Unpooled.buffer(length).writeZero(length);

        channel.writeOutbound(payload);

        ByteBuf prefix = channel.readOutbound();
        assertThat(prefix.readableBytes()).isEqualTo(4);
        assertThat(prefix.getInt(0)).isEqualTo(length);
        prefix.release();
        ByteBuf body = channel.readOutbound();
        assertThat(body).isSameAs(payload);
        assertThat(body.readableBytes()).isEqualTo(length);
        body.release();
    }

    @Test
    void writesTheLengthBigEndian() {
        channel.writeOutbound(Unpooled.buffer(0x0102).writeZero(0x0102));

        ByteBuf out = channel.readOutbound();
        assertThat(new byte[] {out.getByte(0), out.getByte(1), out.getByte(2), out.getByte(3)})
                .containsExactly(0, 0, 1, 2);
        assertThat(out.readableBytes()).isEqualTo(4 + 0x0102);
        out.release();
    }
}
