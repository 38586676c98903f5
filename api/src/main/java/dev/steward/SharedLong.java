package dev.steward;

import java.util.concurrent.CompletableFuture;

/**
 * A {@code long} counter on the manager node, shaped like {@link
 * java.util.concurrent.atomic.AtomicLong}. Every read-modify-write is one atomic call, so increments
 * from many processes are never lost.
 */
public interface SharedLong extends SharedObject {
    /**
     * Reads the value.
     *
     * @return the current value
     */
    long get();

    /**
     * Writes the value.
     *
     * @param value the new value
     */
    void set(long value);

    /**
     * Writes the value and returns the old one.
     *
     * @param value the new value
     * @return the previous value
     */
    long getAndSet(long value);

    /**
     * Writes the value if it equals {@code expected}.
     *
     * @param expected the value expected
     * @param value the new value
     * @return {@code true} if written
     */
    boolean compareAndSet(long expected, long value);

    /**
     * Adds one.
     *
     * @return the new value
     */
    long incrementAndGet();

    /**
     * Subtracts one.
     *
     * @return the new value
     */
    long decrementAndGet();

    /**
     * Adds one.
     *
     * @return the previous value
     */
    long getAndIncrement();

    /**
     * Subtracts one.
     *
     * @return the previous value
     */
    long getAndDecrement();

    /**
     * Adds a delta.
     *
     * @param delta what to add
     * @return the new value
     */
    long addAndGet(long delta);

    /**
     * Adds a delta.
     *
     * @param delta what to add
     * @return the previous value
     */
    long getAndAdd(long delta);

    /**
     * Returns the asynchronous form of this counter.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async async();

    /** The asynchronous operations of a {@link SharedLong}. */
    interface Async {
        /**
         * Reads the value.
         *
         * @return completes with the value
         */
        CompletableFuture<Long> get();

        /**
         * Writes the value.
         *
         * @param value the new value
         * @return completes when written
         */
        CompletableFuture<Void> set(long value);

        /**
         * Adds a delta.
         *
         * @param delta what to add
         * @return completes with the new value
         */
        CompletableFuture<Long> addAndGet(long delta);

        /**
         * Adds one.
         *
         * @return completes with the new value
         */
        CompletableFuture<Long> incrementAndGet();

        /**
         * Writes the value if it equals {@code expected}.
         *
         * @param expected the value expected
         * @param value the new value
         * @return completes with {@code true} if written
         */
        CompletableFuture<Boolean> compareAndSet(long expected, long value);
    }
}
