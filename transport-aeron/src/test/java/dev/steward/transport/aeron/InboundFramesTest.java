package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class InboundFramesTest {
    /** Records what the reassembler hands on. */
    private static final class Sink implements InboundFrames.Sink {
        final List<byte[]> frames = new ArrayList<>();
        final List<Long> oversized = new ArrayList<>();
        final List<Byte> controls = new ArrayList<>();
        final List<String> violations = new ArrayList<>();

        @Override
        public void onFrame(ByteBuffer frame) {
            byte[] b = new byte[frame.remaining()];
            frame.get(b);
            frames.add(b);
        }

        @Override
        public void onOversizedFrame(long length) {
            oversized.add(length);
        }

        @Override
        public void onControl(byte type, DirectBuffer buffer, int offset, int length) {
            controls.add(type);
        }

        @Override
        public void onViolation(String problem) {
            violations.add(problem);
        }
    }

    private static byte[] record(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Wire.DATA_HEADER_LENGTH + payload.length);
        b.put(Wire.DATA).putInt(payload.length).put(payload);
        return b.array();
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static void feed(InboundFrames in, byte[] stream, int chunk, Sink sink) {
        for (int at = 0; at < stream.length; at += chunk) {
            int n = Math.min(chunk, stream.length - at);
            in.onFragment(new UnsafeBuffer(stream, at, n), 0, n, sink);
        }
    }

    @Test
    void framesSplitAcrossFragmentsAndBatchedInOneComeOutWholeAndInOrder() {
        byte[] a = bytes(10, 1);
        byte[] b = bytes(0, 2);
        byte[] c = bytes(50_000, 3);
        byte[] d = bytes(3, 4);
        ByteBuffer stream = ByteBuffer.allocate(4 * Wire.DATA_HEADER_LENGTH + 50_013);
        stream.put(record(a)).put(record(b)).put(record(c)).put(record(d));
        for (int chunk : new int[] {stream.capacity(), 1_000, 37}) {
            Sink sink = new Sink();
            // chunks never split a record header: the sender puts a header where a message begins
            InboundFrames in = new InboundFrames(1 << 20);
            byte[] all = stream.array();
            in.onFragment(new UnsafeBuffer(all), 0, 20, sink); // a and b, whole
            feed(in, java.util.Arrays.copyOfRange(all, 20, 20 + 5 + 50_000), chunk, sink);
            in.onFragment(new UnsafeBuffer(all), 20 + 5 + 50_000, 8, sink);
            assertThat(sink.frames).containsExactly(a, b, c, d);
            assertThat(sink.violations).isEmpty();
            assertThat(in.midFrame()).isFalse();
        }
    }

    @Test
    void anOversizedFrameIsReportedOnceAndSkippedAndTheNextOneArrives() {
        Sink sink = new Sink();
        InboundFrames in = new InboundFrames(1_000);
        feed(in, record(bytes(5_000, 1)), 512, sink);
        feed(in, record(bytes(1_000, 2)), 512, sink);
        assertThat(sink.oversized).containsExactly(5_000L);
        assertThat(sink.frames).containsExactly(bytes(1_000, 2));
    }

    @Test
    void controlRecordsGoToTheSinkWhole() {
        Sink sink = new Sink();
        InboundFrames in = new InboundFrames(1_000);
        in.onFragment(new UnsafeBuffer(new byte[] {Wire.CLOSE}), 0, 1, sink);
        assertThat(sink.controls).containsExactly(Wire.CLOSE);
    }

    @Test
    void garbageBreaksTheStreamOnce() {
        Sink sink = new Sink();
        InboundFrames in = new InboundFrames(1_000);
        in.onFragment(new UnsafeBuffer(new byte[] {(byte) 0xc1, 1, 2}), 0, 3, sink);
        in.onFragment(new UnsafeBuffer(record(bytes(3, 1))), 0, 8, sink);
        assertThat(sink.violations).containsExactly("unknown record type -63");
        assertThat(sink.frames).isEmpty();

        Sink cut = new Sink();
        new InboundFrames(1_000).onFragment(new UnsafeBuffer(new byte[] {Wire.DATA, 0, 0}), 0, 3, cut);
        assertThat(cut.violations).containsExactly("a frame header is cut short");
    }

    @Test
    void aLengthWithTheTopBitSetIsOversizedNotNegative() {
        Sink sink = new Sink();
        InboundFrames in = new InboundFrames(1_000);
        byte[] header = {Wire.DATA, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        in.onFragment(new UnsafeBuffer(header), 0, 5, sink);
        assertThat(sink.oversized).containsExactly(0xffff_ffffL);
        assertThat(in.midFrame()).isTrue();
    }
}
