package dev.steward;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link BlockingQueue} on the manager node (Python's {@code manager.Queue(maxsize)}).
 *
 * <p><b>Waiting happens on the node.</b> {@link #take()}, {@link #put(Object)} and the timed
 * {@link #poll(long, java.util.concurrent.TimeUnit)} and {@link #offer(Object, long,
 * java.util.concurrent.TimeUnit)} register a waiter on the node and are answered when an item or
 * space is there, or when the timeout passes (then {@code poll} returns {@code null} and {@code
 * offer} {@code false}). No thread on the node is held by a waiting call, so thousands of blocked
 * consumers cost nothing there. Waiters are served first come, first served.
 *
 * <p><b>Interrupts.</b> A thread interrupted while it waits cancels its waiter on the node and
 * throws {@link InterruptedException}. If an item was handed to it at the same moment, the item is
 * put back at the head of the queue, so nothing is lost.
 *
 * <p>Iteration, {@link #toArray()} and {@link Object#toString() toString()} see a snapshot. {@code null} elements
 * are refused, as in every {@code BlockingQueue}. A client that dies while it waits simply drops
 * out of the queue of waiters.
 *
 * @param <E> the element type: any value Steward can send, or a shared object
 */
public interface SharedQueue<E> extends BlockingQueue<E>, SharedObject {
    /**
     * Returns the asynchronous form of this queue; futures complete on Steward's I/O thread.
     *
     * @return the async view
     */
    Async<E> async();

    /**
     * The asynchronous operations of a {@link SharedQueue}.
     *
     * @param <E> the element type
     */
    interface Async<E> {
        /**
         * Puts an element, waiting on the node for space.
         *
         * @param element the element
         * @return completes when it is in the queue
         */
        CompletableFuture<Void> put(E element);

        /**
         * Takes the head, waiting on the node for an element. Cancelling the future does not cancel
         * the waiter; use {@link #poll(Duration)} to bound the wait.
         *
         * @return completes with the element
         */
        CompletableFuture<E> take();

        /**
         * Takes the head, waiting at most a timeout.
         *
         * @param timeout how long the node waits
         * @return completes with the element, or {@code null} on timeout
         */
        CompletableFuture<E> poll(Duration timeout);

        /**
         * Adds an element if there is space, waiting at most a timeout.
         *
         * @param element the element
         * @param timeout how long the node waits
         * @return completes with {@code true} if added
         */
        CompletableFuture<Boolean> offer(E element, Duration timeout);

        /**
         * Counts the elements.
         *
         * @return completes with the size
         */
        CompletableFuture<Integer> size();
    }
}
