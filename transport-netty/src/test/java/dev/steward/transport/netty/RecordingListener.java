package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.FrameListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A listener that keeps copies of what it hears, for tests to wait on. */
class RecordingListener implements FrameListener {
    static final long WAIT_SECONDS = 10;

    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final List<Long> oversized = new CopyOnWriteArrayList<>();
    final CountDownLatch oversizedSeen = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closeCalls = new AtomicInteger();
    final AtomicInteger framesAfterClose = new AtomicInteger();
    final AtomicReference<Throwable> closeCause = new AtomicReference<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    /** What a subclass may run to close its connection from a callback, as the runtime does. */
    volatile Runnable closeFromListener = () -> {};

    @Override
    public void onFrame(ByteBuffer frame) {
        if (closeCalls.get() > 0) {
            framesAfterClose.incrementAndGet();
        }
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        frames.add(copy);
    }

    @Override
    public void onOversizedFrame(long length) {
        oversized.add(length);
        oversizedSeen.countDown();
    }

    @Override
    public void onClose(Throwable cause) {
        threads.add(Thread.currentThread().getName());
        closeCause.set(cause);
        closeCalls.incrementAndGet();
        closed.countDown();
    }

    byte[] nextFrame() throws InterruptedException {
        byte[] frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within %d s", WAIT_SECONDS).isNotNull();
        return frame;
    }

    void awaitClose() throws InterruptedException {
        assertThat(closed.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("onClose within %d s", WAIT_SECONDS)
                .isTrue();
    }

    void awaitOversized() throws InterruptedException {
        assertThat(oversizedSeen.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("onOversizedFrame within %d s", WAIT_SECONDS)
                .isTrue();
    }
}
