package dev.steward.transport.aeron;

import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;

/**
 * Cuts the bytes of one incoming stream back into records (see {@link Wire}): frames are copied
 * into one reusable buffer and handed on whole; a frame over the limit is reported once and its
 * bytes skipped, and since every frame announces its length the stream keeps its framing. Used by
 * one thread at a time.
 */
final class InboundFrames {
    /** What a stream's records are handed to. */
    interface Sink {
        /**
         * A whole frame.
         *
         * @param frame valid only during the call
         */
        void onFrame(ByteBuffer frame);

        /**
         * A frame over the limit began; its bytes will be skipped.
         *
         * @param length its announced length
         */
        void onOversizedFrame(long length);

        /**
         * A control record: {@code CONNECT}, {@code ACCEPTED} or {@code CLOSE}.
         *
         * @param type the record's type
         * @param buffer the buffer
         * @param offset where the record starts (at its type)
         * @param length the record's length
         */
        void onControl(byte type, DirectBuffer buffer, int offset, int length);

        /**
         * The stream does not follow the record layout; nothing more will be read from it.
         *
         * @param problem what was wrong
         */
        void onViolation(String problem);
    }

    private static final int INITIAL_CAPACITY = 4 * 1024;
    /** A buffer grown past this for one large frame is dropped after it, not kept. */
    private static final int RETAINED_CAPACITY = 1024 * 1024;

    private final int maxFrameBytes;
    private byte[] assembly = new byte[INITIAL_CAPACITY];
    private ByteBuffer view = ByteBuffer.wrap(assembly);
    private long remaining;
    private int filled;
    private boolean skipping;
    private boolean broken;

    InboundFrames(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Reads one Aeron fragment.
     *
     * @param buffer the buffer
     * @param offset where the fragment's bytes start
     * @param length how many
     * @param sink where records go
     */
    void onFragment(DirectBuffer buffer, int offset, int length, Sink sink) {
        int at = offset;
        int end = offset + length;
        while (at < end && !broken) {
            if (remaining > 0) {
                int n = (int) Math.min(end - at, remaining);
                if (!skipping) {
                    buffer.getBytes(at, assembly, filled, n);
                    filled += n;
                }
                at += n;
                remaining -= n;
                if (remaining == 0) {
                    complete(sink);
                }
                continue;
            }
            byte type = buffer.getByte(at);
            if (type == Wire.DATA) {
                if (end - at < Wire.DATA_HEADER_LENGTH) {
                    broken("a frame header is cut short", sink);
                    return;
                }
                long frameLength = Integer.toUnsignedLong(buffer.getInt(at + 1, Wire.ORDER));
                at += Wire.DATA_HEADER_LENGTH;
                remaining = frameLength;
                filled = 0;
                if (frameLength > maxFrameBytes) {
                    skipping = true;
                    sink.onOversizedFrame(frameLength);
                } else {
                    skipping = false;
                    ensureCapacity((int) frameLength);
                }
                if (remaining == 0) {
                    complete(sink);
                }
            } else if (type == Wire.CONNECT || type == Wire.ACCEPTED || type == Wire.CLOSE) {
                sink.onControl(type, buffer, at, end - at);
                return;
            } else {
                broken("unknown record type " + type, sink);
                return;
            }
        }
    }

    private void complete(InboundFrames.Sink sink) {
        if (skipping) {
            skipping = false;
            return;
        }
        view.clear().limit(filled);
        sink.onFrame(view);
        if (assembly.length > RETAINED_CAPACITY) {
            assembly = new byte[INITIAL_CAPACITY];
            view = ByteBuffer.wrap(assembly);
        }
    }

    private void ensureCapacity(int length) {
        if (assembly.length < length) {
            assembly = new byte[Math.max(length, INITIAL_CAPACITY)];
            view = ByteBuffer.wrap(assembly);
        }
    }

    private void broken(String problem, Sink sink) {
        broken = true;
        sink.onViolation(problem);
    }

    /**
     * Tells whether a frame is partly read.
     *
     * @return {@code true} between the first and the last bytes of a frame
     */
    boolean midFrame() {
        return remaining > 0;
    }
}
