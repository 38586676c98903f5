package dev.steward.runtime.client;

import dev.steward.SharedSemaphore;
import dev.steward.runtime.protocol.Ops.SemaphoreOps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The proxy of {@code steward.semaphore} and {@code steward.bounded-semaphore}. */
final class SemaphoreProxy extends AbstractProxy implements SharedSemaphore {
    private final Async async = new AsyncView();

    SemaphoreProxy(ProxyHandle handle) {
        super(handle);
    }

    private ProxyHandle.RaceHandler releaseAgain(int permits) {
        return (granted, interrupt) -> {
            if (Boolean.TRUE.equals(granted)) {
                call(SemaphoreOps.RELEASE, "release", permits);
            }
            throw interrupt;
        };
    }

    @Override
    public void acquire() throws InterruptedException {
        acquire(1);
    }

    @Override
    public void acquire(int permits) throws InterruptedException {
        handle.callInterruptibly(SemaphoreOps.ACQUIRE, "acquire", releaseAgain(permits), permits, -1L);
    }

    @Override
    public void acquireUninterruptibly() {
        handle.callWaiting(SemaphoreOps.ACQUIRE, "acquireUninterruptibly", 1, -1L);
    }

    @Override
    public boolean tryAcquire() {
        return callBoolean(SemaphoreOps.ACQUIRE, "tryAcquire", 1, 0L);
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return tryAcquire(1, timeout);
    }

    @Override
    public boolean tryAcquire(int permits, Duration timeout) throws InterruptedException {
        return (Boolean) handle.callInterruptibly(
                SemaphoreOps.ACQUIRE, "tryAcquire", releaseAgain(permits), permits, Math.max(0, timeout.toNanos()));
    }

    @Override
    public void release() {
        release(1);
    }

    @Override
    public void release(int permits) {
        call(SemaphoreOps.RELEASE, "release", permits);
    }

    @Override
    public int availablePermits() {
        return callInt(SemaphoreOps.AVAILABLE, "availablePermits");
    }

    @Override
    public int drainPermits() {
        return callInt(SemaphoreOps.DRAIN, "drainPermits");
    }

    @Override
    public boolean isBounded() {
        return SemaphoreOps.BOUNDED_TYPE.equals(typeName());
    }

    @Override
    public Async async() {
        return async;
    }

    @Override
    public String toString() {
        return showOrClosed(
                () -> "SharedSemaphore[" + availablePermits() + " permits" + (isBounded() ? ", bounded" : "") + "]");
    }

    private final class AsyncView implements Async {
        @Override
        public CompletableFuture<Void> acquire() {
            return async(SemaphoreOps.ACQUIRE, "acquire", 1, -1L).thenApply(x -> null);
        }

        @Override
        public CompletableFuture<Boolean> tryAcquire(Duration timeout) {
            return async(SemaphoreOps.ACQUIRE, "tryAcquire", 1, Math.max(0, timeout.toNanos()));
        }

        @Override
        public CompletableFuture<Void> release() {
            return async(SemaphoreOps.RELEASE, "release", 1);
        }
    }
}
