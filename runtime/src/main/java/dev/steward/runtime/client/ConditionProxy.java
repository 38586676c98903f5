package dev.steward.runtime.client;

import dev.steward.SharedCondition;
import dev.steward.SharedLock;
import dev.steward.runtime.protocol.Ops.ConditionOps;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The proxy of {@code steward.condition}. The node answers an await once the caller holds the lock
 * again, with the nanoseconds left when it was signalled ({@code Long.MAX_VALUE} for an untimed
 * wait), 0 when it timed out, or {@code Long.MIN_VALUE} when it was cancelled by an interrupt.
 */
final class ConditionProxy extends AbstractProxy implements SharedCondition {
    private static final long INTERRUPTED = Long.MIN_VALUE;

    ConditionProxy(ProxyHandle handle) {
        super(handle);
    }

    /** Signalled at the moment of the interrupt: return normally, with the interrupt status kept. */
    private static final ProxyHandle.RaceHandler KEEP_SIGNAL = (result, interrupt) -> {
        if (((Number) result).longValue() == INTERRUPTED) {
            throw interrupt;
        }
        Thread.currentThread().interrupt();
        return result;
    };

    private long awaitOnNode(long nanos) throws InterruptedException {
        long r = ((Number)
                        handle.callInterruptibly(ConditionOps.AWAIT, "await", KEEP_SIGNAL, LockProxy.thread(), nanos))
                .longValue();
        if (r == INTERRUPTED) {
            throw new InterruptedException("await was interrupted");
        }
        return r;
    }

    @Override
    public void await() throws InterruptedException {
        awaitOnNode(-1);
    }

    @Override
    public void awaitUninterruptibly() {
        handle.callWaiting(ConditionOps.AWAIT, "awaitUninterruptibly", LockProxy.thread(), -1L);
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, nanosTimeout);
        long r = awaitOnNode(Math.max(0, nanosTimeout));
        long left = deadline - System.nanoTime();
        return r > 0 ? left : Math.min(0, left);
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitOnNode(Math.max(0, unit.toNanos(time))) > 0;
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long millis = deadline.getTime() - System.currentTimeMillis();
        return awaitOnNode(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis))) > 0;
    }

    @Override
    public void signal() {
        call(ConditionOps.SIGNAL, "signal", LockProxy.thread());
    }

    @Override
    public void signalAll() {
        call(ConditionOps.SIGNAL_ALL, "signalAll", LockProxy.thread());
    }

    @Override
    public SharedLock lock() {
        return (SharedLock) call(ConditionOps.LOCK, "lock");
    }

    @Override
    public String toString() {
        return "SharedCondition[" + describe() + "]";
    }
}
