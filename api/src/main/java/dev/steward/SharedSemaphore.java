package dev.steward;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A counting semaphore on the manager node, shaped like {@link java.util.concurrent.Semaphore}
 * (Python's {@code manager.Semaphore(n)} and {@code manager.BoundedSemaphore(n)}). Acquisitions
 * wait on the node and are served first come, first served (a large request at the head is not
 * overtaken by smaller ones). A {@linkplain Manager#boundedSemaphore(int) bounded} semaphore
 * refuses to be released beyond its initial permits.
 *
 * <p><b>A dead client's permits come back.</b> The node counts, per client process, the permits it
 * acquired minus those it released (never below zero). When a process dies or its connection
 * drops, that many permits are released. Where one process acquires and another releases (a
 * semaphore used as a signal), the acquirer's count stays up, so permits it acquired are returned
 * even though another process released them: use a {@link SharedQueue} or {@link SharedEvent} for
 * signalling between processes.
 */
public interface SharedSemaphore extends SharedObject {
    /**
     * Acquires a permit, waiting on the node.
     *
     * @throws InterruptedException if interrupted while waiting (the wait is cancelled, and a permit
     *     granted at that moment is released again)
     */
    void acquire() throws InterruptedException;

    /**
     * Acquires permits, waiting on the node.
     *
     * @param permits how many
     * @throws InterruptedException if interrupted while waiting
     */
    void acquire(int permits) throws InterruptedException;

    /** Acquires a permit, waiting on the node; an interrupt is remembered, not obeyed. */
    void acquireUninterruptibly();

    /**
     * Acquires a permit if one is free now.
     *
     * @return {@code true} if acquired
     */
    boolean tryAcquire();

    /**
     * Acquires a permit, waiting at most a timeout.
     *
     * @param timeout how long the node waits
     * @return {@code true} if acquired, {@code false} on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    boolean tryAcquire(Duration timeout) throws InterruptedException;

    /**
     * Acquires permits, waiting at most a timeout.
     *
     * @param permits how many
     * @param timeout how long the node waits
     * @return {@code true} if acquired, {@code false} on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    boolean tryAcquire(int permits, Duration timeout) throws InterruptedException;

    /**
     * Releases a permit.
     *
     * @throws IllegalStateException if the semaphore is bounded and would exceed its initial permits
     */
    void release();

    /**
     * Releases permits.
     *
     * @param permits how many
     * @throws IllegalStateException if the semaphore is bounded and would exceed its initial permits
     */
    void release(int permits);

    /**
     * Counts the free permits.
     *
     * @return the count
     */
    int availablePermits();

    /**
     * Takes every free permit.
     *
     * @return how many were taken
     */
    int drainPermits();

    /**
     * Tells whether releases beyond the initial permits are refused.
     *
     * @return {@code true} for a bounded semaphore
     */
    boolean isBounded();

    /**
     * Returns the asynchronous form of this semaphore.
     *
     * @return the async view
     */
    Async async();

    /** The asynchronous operations of a {@link SharedSemaphore}; futures complete on Steward's I/O thread. */
    interface Async {
        /**
         * Acquires a permit, waiting on the node.
         *
         * @return completes when acquired
         */
        CompletableFuture<Void> acquire();

        /**
         * Acquires a permit, waiting at most a timeout.
         *
         * @param timeout how long the node waits
         * @return completes with {@code true} if acquired
         */
        CompletableFuture<Boolean> tryAcquire(Duration timeout);

        /**
         * Releases a permit.
         *
         * @return completes when released
         */
        CompletableFuture<Void> release();
    }
}
