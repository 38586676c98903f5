package dev.steward;

import java.util.concurrent.locks.Condition;

/**
 * A {@link Condition} on the manager node, bound to a {@link SharedLock} (Python's {@code
 * manager.Condition(lock)}). The caller must hold the lock; {@code await} releases every hold,
 * waits on the node for a signal or the timeout, and takes the lock back before it returns or
 * throws. {@link #signal()} wakes the longest waiter, {@link #signalAll()} every waiter. A waiter
 * whose process dies simply leaves the condition.
 */
public interface SharedCondition extends Condition, SharedObject {
    /**
     * Returns the lock this condition is bound to.
     *
     * @return the lock
     */
    SharedLock lock();
}
