package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.TransportConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline of one connection, on an {@link EmbeddedChannel}. */
class ConnectionHandlerTest {
    private static final int MAX = 1024;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingListener listener = new RecordingListener();
    private NettyConnection connection;

    private void build(RecordingListener frameListener) throws Exception {
        NettySettings settings = NettySettings.from(
                new TransportConfig(MAX, Duration.ofSeconds(10), "test", Map.of("netty.transport", "nio")));
        connection = new NettyConnection(channel, settings, "tcp://embedded:1");
        channel.pipeline()
                .addLast(
                        new FrameDecoder(MAX), FrameEncoder.INSTANCE, new ConnectionHandler(connection, frameListener));
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    @Test
    void deliversFramesInOrder() throws Exception {
        build(listener);

        channel.writeInbound(Unpooled.wrappedBuffer(
                FrameDecoderTest.frame("a"), FrameDecoderTest.frame("bc"), FrameDecoderTest.frame("")));

        assertThat(new String(listener.nextFrame(), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(new String(listener.nextFrame(), StandardCharsets.UTF_8)).isEqualTo("bc");
        assertThat(listener.nextFrame()).isEmpty();
    }

    @Test
    void reportsAnOversizedFrameOnceAndDeliversNoFrame() throws Exception {
        build(listener);

        channel.writeInbound(Unpooled.buffer().writeInt(MAX + 1).writeBytes(new byte[100]));
        channel.writeInbound(FrameDecoderTest.frame("ignored"));
        channel.writeInbound(Unpooled.buffer().writeInt(-1));

        assertThat(listener.oversized).containsExactly((long) MAX + 1);
        assertThat(listener.frames).isEmpty();
        assertThat(connection.isOpen()).as("open, so the runtime can explain").isTrue();
    }

    @Test
    void sendWritesAPrefixedFrameAndCopiesFirst() throws Exception {
        build(listener);
        ByteBuffer frame = ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8));

        assertThat(connection.send(frame)).isTrue();
        assertThat(frame.remaining()).as("position untouched").isEqualTo(4);
        frame.put(0, (byte) 'X');
        channel.runPendingTasks();

        ByteBuf out = channel.readOutbound();
        assertThat(out.readInt()).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ping");
        out.release();
    }

    @Test
    void framesSentWhileReadingLeaveAtTheEndOfTheReadBatch() throws Exception {
        RecordingListener echo = new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                connection.send(frame);
            }
        };
        build(echo);

        channel.pipeline().fireChannelRead(FrameDecoderTest.frame("one"));
        channel.pipeline().fireChannelRead(FrameDecoderTest.frame("two"));
        assertThat(channel.<Object>readOutbound())
                .as("nothing before read-complete")
                .isNull();
        channel.pipeline().fireChannelReadComplete();

        assertThat(FrameDecoderTest.text(skipPrefix(channel.readOutbound()))).isEqualTo("one");
        assertThat(FrameDecoderTest.text(skipPrefix(channel.readOutbound()))).isEqualTo("two");
    }

    @Test
    void aThrowingListenerClosesItsConnectionWithTheCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        RecordingListener throwing = new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                super.onFrame(frame);
                throw boom;
            }
        };
        build(throwing);

        channel.writeInbound(Unpooled.wrappedBuffer(FrameDecoderTest.frame("a"), FrameDecoderTest.frame("b")));
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        throwing.awaitClose();
        assertThat(throwing.closeCause.get()).isSameAs(boom);
        assertThat(throwing.frames).hasSize(1);
        assertThat(throwing.closeCalls.get()).isEqualTo(1);
        assertThat(connection.send(ByteBuffer.allocate(1))).isFalse();
    }

    @Test
    void closeReportsAnOrderlyCloseOnce() throws Exception {
        build(listener);

        connection.close();
        connection.close();
        channel.runPendingTasks();

        listener.awaitClose();
        assertThat(listener.closeCause.get()).isNull();
        assertThat(listener.closeCalls.get()).isEqualTo(1);
        assertThat(connection.terminationFuture()).isDone();
    }

    private static ByteBuf skipPrefix(ByteBuf frame) {
        assertThat(frame.readInt()).isEqualTo(frame.readableBytes());
        return frame;
    }
}
