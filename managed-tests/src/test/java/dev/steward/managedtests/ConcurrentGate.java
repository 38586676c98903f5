package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread-safe class whose calls may overlap: two waiters meet inside it. */
@Managed(concurrent = true)
public class ConcurrentGate {
    private final CountDownLatch both = new CountDownLatch(2);
    private final AtomicInteger inside = new AtomicInteger();

    /** Creates it. */
    public ConcurrentGate() {}

    /**
     * Waits until two calls are inside at once.
     *
     * @return whether the other call arrived within 30 seconds
     * @throws InterruptedException if interrupted
     */
    @Exposed
    public boolean meet() throws InterruptedException {
        inside.incrementAndGet();
        both.countDown();
        return both.await(30, TimeUnit.SECONDS);
    }
}
