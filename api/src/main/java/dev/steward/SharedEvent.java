package dev.steward;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A flag on the manager node that processes wait for (Python's {@code manager.Event()}). Waiting
 * happens on the node; a thread interrupted while it waits cancels its waiter and throws {@link
 * InterruptedException}.
 */
public interface SharedEvent extends SharedObject {
    /** Sets the flag and wakes every waiter. */
    void set();

    /** Clears the flag. */
    void clear();

    /**
     * Reads the flag.
     *
     * @return {@code true} if set
     */
    boolean isSet();

    /**
     * Waits until the flag is set.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void await() throws InterruptedException;

    /**
     * Waits until the flag is set, at most for a timeout.
     *
     * @param timeout how long the node waits
     * @return {@code true} if the flag is set, {@code false} on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * Returns the asynchronous form of this event.
     *
     * @return the async view
     */
    Async async();

    /** The asynchronous operations of a {@link SharedEvent}; futures complete on Steward's I/O thread. */
    interface Async {
        /**
         * Waits on the node until the flag is set.
         *
         * @return completes when it is set
         */
        CompletableFuture<Void> await();

        /**
         * Waits on the node until the flag is set, at most for a timeout.
         *
         * @param timeout how long the node waits
         * @return completes with {@code true} if set, {@code false} on timeout
         */
        CompletableFuture<Boolean> await(Duration timeout);

        /**
         * Sets the flag.
         *
         * @return completes when set
         */
        CompletableFuture<Void> set();
    }
}
