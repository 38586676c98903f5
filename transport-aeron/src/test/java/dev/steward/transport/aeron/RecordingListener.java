package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a transport hands a listener, and checks the SPI's promises about it. */
class RecordingListener implements FrameListener {
    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final List<Long> oversized = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    final AtomicInteger closeCalls = new AtomicInteger();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inCallback = new AtomicInteger();

    @Override
    public void onFrame(ByteBuffer frame) {
        enter();
        try {
            if (closed.isDone()) {
                violations.add("a frame after onClose");
            }
            byte[] copy = new byte[frame.remaining()];
            frame.get(copy);
            frames.add(copy);
        } finally {
            inCallback.decrementAndGet();
        }
    }

    @Override
    public void onOversizedFrame(long length) {
        enter();
        try {
            oversized.add(length);
        } finally {
            inCallback.decrementAndGet();
        }
    }

    @Override
    public void onClose(Throwable cause) {
        enter();
        try {
            if (closeCalls.incrementAndGet() > 1) {
                violations.add("onClose called twice");
            }
            closed.complete(cause);
        } finally {
            inCallback.decrementAndGet();
        }
    }

    private void enter() {
        if (inCallback.incrementAndGet() != 1) {
            violations.add("two callbacks at once");
        }
    }

    byte[] next(Duration timeout) throws InterruptedException {
        byte[] f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (f == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return f;
    }

    Throwable awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
