package dev.steward.runtime.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * A MessagePack output into one contiguous, reusable byte array, so an encoded frame can be handed
 * to a transport as a single {@link ByteBuffer} without copying.
 */
final class GrowableOutput implements MessageBufferOutput {
    private static final int MAX_RETAINED = 1 << 20;
    private byte[] array;
    private int position;

    GrowableOutput(int initialCapacity) {
        array = new byte[initialCapacity];
    }

    @Override
    public MessageBuffer next(int minimumSize) {
        ensure(Math.max(minimumSize, 256));
        return MessageBuffer.wrap(array, position, array.length - position);
    }

    @Override
    public void writeBuffer(int length) {
        position += length;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        ensure(length);
        System.arraycopy(buffer, offset, array, position, length);
        position += length;
    }

    @Override
    public void add(byte[] buffer, int offset, int length) {
        write(buffer, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    int size() {
        return position;
    }

    ByteBuffer view() {
        return ByteBuffer.wrap(array, 0, position);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(array, position);
    }

    /** Forgets the contents; drops a buffer grown very large so one big frame does not pin memory. */
    void clear() {
        position = 0;
        if (array.length > MAX_RETAINED) {
            array = new byte[4096];
        }
    }

    private void ensure(int extra) {
        long needed = (long) position + extra;
        if (needed > array.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("frame larger than 2 GiB");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, (long) array.length * 2));
            array = Arrays.copyOf(array, capacity);
        }
    }
}
