package dev.steward;

import java.util.concurrent.CompletableFuture;

/**
 * A single value on the manager node, shaped like {@link java.util.concurrent.atomic.AtomicReference}
 * (Python's {@code manager.Value(...)}). Each method is one atomic call; {@link #compareAndSet}
 * compares with {@code equals} on the node, since values travel by copy.
 *
 * @param <T> the value type: any value Steward can send, or a shared object
 */
public interface SharedValue<T> extends SharedObject {
    /**
     * Reads the value.
     *
     * @return the current value (may be {@code null})
     */
    T get();

    /**
     * Writes the value.
     *
     * @param value the new value
     */
    void set(T value);

    /**
     * Writes the value and returns the old one, atomically.
     *
     * @param value the new value
     * @return the previous value
     */
    T getAndSet(T value);

    /**
     * Writes the value if the current one equals {@code expected}, atomically.
     *
     * @param expected the value expected (by {@code equals}; {@code null} matches {@code null})
     * @param value the new value
     * @return {@code true} if written
     */
    boolean compareAndSet(T expected, T value);

    /**
     * Returns the asynchronous form of this value.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async<T> async();

    /**
     * The asynchronous operations of a {@link SharedValue}.
     *
     * @param <T> the value type
     */
    interface Async<T> {
        /**
         * Reads the value.
         *
         * @return completes with the value
         */
        CompletableFuture<T> get();

        /**
         * Writes the value.
         *
         * @param value the new value
         * @return completes when written
         */
        CompletableFuture<Void> set(T value);

        /**
         * Writes the value and returns the old one.
         *
         * @param value the new value
         * @return completes with the previous value
         */
        CompletableFuture<T> getAndSet(T value);

        /**
         * Writes the value if it equals {@code expected}.
         *
         * @param expected the value expected
         * @param value the new value
         * @return completes with {@code true} if written
         */
        CompletableFuture<Boolean> compareAndSet(T expected, T value);
    }
}
