package dev.steward.runtime.client;

import dev.steward.SharedCondition;
import dev.steward.SharedLock;
import dev.steward.runtime.protocol.Ops.LockOps;
import java.util.concurrent.TimeUnit;

/** The proxy of {@code steward.lock} and {@code steward.rlock}; the owner is this process's calling thread. */
final class LockProxy extends AbstractProxy implements SharedLock {
    LockProxy(ProxyHandle handle) {
        super(handle);
    }

    static long thread() {
        return Thread.currentThread().getId();
    }

    /** A lock granted to a thread that was interrupted meanwhile is released again. */
    private final ProxyHandle.RaceHandler unlockAgain = (granted, interrupt) -> {
        if (Boolean.TRUE.equals(granted)) {
            call(LockOps.UNLOCK, "unlock", thread());
        }
        throw interrupt;
    };

    @Override
    public void lock() {
        handle.callWaiting(LockOps.LOCK, "lock", thread(), -1L);
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        handle.callInterruptibly(LockOps.LOCK, "lockInterruptibly", unlockAgain, thread(), -1L);
    }

    @Override
    public boolean tryLock() {
        return callBoolean(LockOps.LOCK, "tryLock", thread(), 0L);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return (Boolean) handle.callInterruptibly(
                LockOps.LOCK, "tryLock", unlockAgain, thread(), Math.max(0, unit.toNanos(time)));
    }

    @Override
    public void unlock() {
        call(LockOps.UNLOCK, "unlock", thread());
    }

    @Override
    public SharedCondition newCondition() {
        return (SharedCondition) call(LockOps.NEW_CONDITION, "newCondition");
    }

    @Override
    public boolean isReentrant() {
        return LockOps.REENTRANT_TYPE.equals(typeName());
    }

    @Override
    public boolean isFair() {
        return callBoolean(LockOps.IS_FAIR, "isFair");
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return getHoldCount() > 0;
    }

    @Override
    public int getHoldCount() {
        return callInt(LockOps.HOLD_COUNT, "getHoldCount", thread());
    }

    @Override
    public boolean isLocked() {
        return callBoolean(LockOps.IS_LOCKED, "isLocked");
    }

    @Override
    public String toString() {
        return "SharedLock[" + describe() + (isReentrant() ? ", reentrant" : "") + "]";
    }
}
