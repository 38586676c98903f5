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
 * <p><b>Waiting happens on the node</b>; no node thread is held. A {@linkplain #isFair() fair} lock
 * (the default) is granted to its waiters first come, first served. One made with {@link
 * Manager#lock(boolean) lock(false)} may go back to a thread that releases it and asks again at
 * once, ahead of the waiters (as Python's lock and {@code new ReentrantLock()} may): once a
 * releaser has come back within 200 µs, a release leaves the lock free for that long, for whoever
 * asks first, before the first waiter gets it. A hand-over to a waiter in another process costs a
 * wake-up there, so a lock that processes take in a loop is several times faster that way. Waiters
 * still get it in the order they came, and none is passed over once it has waited 20 ms. {@link
 * #lockInterruptibly()} and {@link #tryLock(long, java.util.concurrent.TimeUnit)} cancel
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
     * Tells whether this lock is fair: granted strictly in the order the threads asked.
     *
     * @return {@code false} only for a lock made by {@link Manager#lock(boolean)} or {@link
     *     Manager#reentrantLock(boolean)} with {@code fair} cleared
     */
    boolean isFair();

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
