package dev.steward;

import java.time.Duration;

/**
 * A {@link SharedQueue} that counts unfinished tasks (Python's {@code manager.JoinableQueue()}):
 * every element put adds one, {@link #taskDone()} removes one, and {@link #join()} waits on the node
 * until the count is zero.
 *
 * @param <E> the element type
 */
public interface SharedJoinableQueue<E> extends SharedQueue<E> {
    /**
     * Marks one task, taken earlier from this queue, as finished.
     *
     * @throws IllegalStateException if called more times than elements were put
     */
    void taskDone();

    /**
     * Waits until every element put so far has been taken and marked done.
     *
     * @throws InterruptedException if interrupted while waiting (the wait is cancelled on the
     *     node)
     */
    void join() throws InterruptedException;

    /**
     * Waits until every task is done, at most for a timeout.
     *
     * @param timeout how long the node waits
     * @return {@code true} if every task is done, {@code false} on timeout
     * @throws InterruptedException if interrupted while waiting
     */
    boolean join(Duration timeout) throws InterruptedException;

    /**
     * Counts the tasks put and not yet done.
     *
     * @return the count
     */
    long unfinishedTasks();
}
