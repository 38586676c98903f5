package dev.steward.runtime.node;

import dev.steward.runtime.protocol.Ops.ConditionOps;
import dev.steward.runtime.protocol.Ops.LockOps;

/**
 * {@code steward.condition}: a condition of a lock. Its waiters live in the lock, so every method
 * runs under the lock's monitor. It holds a reference to its lock.
 */
final class ConditionObject extends HostedObject {
    private final LockObject lock;

    ConditionObject(LockObject lock) {
        if (!lock.retain()) {
            throw new IllegalStateException(lock + " was freed");
        }
        this.lock = lock;
    }

    @Override
    public String typeName() {
        return ConditionOps.TYPE;
    }

    @Override
    public void invoke(Call call) {
        if (call.method() == ConditionOps.LOCK) {
            call.expect(0, "lock");
            call.reply(lock);
            return;
        }
        lock.invokeCondition(this, call);
    }

    @Override
    protected void onFree() {
        lock.conditionFreed(this);
        lock.release(1);
    }

    @Override
    public String toString() {
        return ConditionOps.TYPE + "#" + id() + " of " + LockOps.TYPE + "#" + lock.id();
    }
}
