package dev.steward;

import java.util.concurrent.locks.Lock;

/**
 * A {@link Lock} on the manager node (Python's {@code manager.Lock()} and {@code manager.RLock()}).
 *
 * <p><b>Ownership.</b> The lock belongs to one thread of one client process at a time. {@link
 * #unlock()} by any other thread, in this process or another, throws {@link
 * IllegalMonitorStateException}. A {@linkplain Manager#reentrantLock() reentrant} lock counts its
 * owner's holds across calls; a {@linkplain Manager#lock() plain} one does not: its owner's {@link
 * #tryLock()} returns {@code false} and its {@link #lock()} waits for ever, as in Python.
 *
 * <p><b>Waiting happens on the node</b>, first come, first served; no node thread is held.
 * {@link #lockInterruptibly()} and {@link #tryLock(long, java.util.concurrent.TimeUnit)} cancel
 * their waiter when the thread is interrupted; if the lock was granted at that moment, it is
 * released again before {@link InterruptedException} is thrown.
 *
 * <p><b>A dead client lets go.</b> When the owner's process dies or its connection drops, the node
 * releases the lock (every hold) within the transport's detection time (about a second or less on
 * loopback) and grants it to the next waiter.
 */
public interface SharedLock extends Lock, SharedObject {
    /**
     * Tells whether this lock counts holds.
     *
     * @return {@code true} for a reentrant lock
     */
    boolean isReentrant();

    /**
     * Tells whether the calling thread holds the lock.
     *
     * @return {@code true} if it does
     */
    boolean isHeldByCurrentThread();

    /**
     * Counts the calling thread's holds.
     *
     * @return 0 if it does not hold the lock
     */
    int getHoldCount();

    /**
     * Tells whether any thread of any process holds the lock.
     *
     * @return {@code true} if held
     */
    boolean isLocked();

    /**
     * Returns a new condition bound to this lock, living on the node.
     *
     * @return the condition
     */
    @Override
    SharedCondition newCondition();
}
