package dev.steward.runtime.client;

import dev.steward.RemoteInvocationException;
import dev.steward.SharedBarrier;
import dev.steward.runtime.protocol.Ops.BarrierOps;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/** The proxy of {@code steward.barrier}; the node's checked exceptions are rethrown as themselves. */
final class BarrierProxy extends AbstractProxy implements SharedBarrier {
    BarrierProxy(ProxyHandle handle) {
        super(handle);
    }

    private int awaitOnNode(long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        try {
            return ((Number) handle.callInterruptibly(BarrierOps.AWAIT, "await", ProxyHandle.RaceHandler.KEEP, nanos))
                    .intValue();
        } catch (RemoteInvocationException e) {
            if (BrokenBarrierException.class.getName().equals(e.remoteType())) {
                BrokenBarrierException b = new BrokenBarrierException(e.remoteMessage());
                b.initCause(e.getCause());
                throw b;
            }
            if (TimeoutException.class.getName().equals(e.remoteType())) {
                TimeoutException t = new TimeoutException(e.remoteMessage());
                t.initCause(e.getCause());
                throw t;
            }
            throw e;
        }
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return awaitOnNode(-1);
        } catch (TimeoutException e) {
            throw new IllegalStateException("an untimed await timed out", e);
        }
    }

    @Override
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return awaitOnNode(Math.max(0, timeout.toNanos()));
    }

    @Override
    public void reset() {
        call(BarrierOps.RESET, "reset");
    }

    @Override
    public boolean isBroken() {
        return callBoolean(BarrierOps.IS_BROKEN, "isBroken");
    }

    @Override
    public int getParties() {
        return callInt(BarrierOps.PARTIES, "getParties");
    }

    @Override
    public int getNumberWaiting() {
        return callInt(BarrierOps.WAITING, "getNumberWaiting");
    }

    @Override
    public String toString() {
        return "SharedBarrier[" + describe() + "]";
    }
}
