package dev.steward;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * A cyclic barrier on the manager node, shaped like {@link java.util.concurrent.CyclicBarrier}
 * (Python's {@code manager.Barrier(n)}): each of {@link #getParties()} participants calls {@link
 * #await()}, and all are released together when the last arrives; then the barrier is ready for the
 * next round. Waiting happens on the node.
 *
 * <p>The barrier <em>breaks</em> when a waiter times out, is interrupted, or its process dies while
 * it waits, and when {@link #reset()} is called with waiters present: every waiter of that round
 * then gets {@link BrokenBarrierException} (the one that timed out gets {@link TimeoutException}),
 * and later calls fail the same way until {@link #reset()}.
 */
public interface SharedBarrier extends SharedObject {
    /**
     * Waits until every party has arrived.
     *
     * @return the arrival index: {@code getParties() - 1} for the first to arrive, 0 for the last
     * @throws InterruptedException if interrupted while waiting (the barrier breaks)
     * @throws BrokenBarrierException if the barrier is or becomes broken
     */
    int await() throws InterruptedException, BrokenBarrierException;

    /**
     * Waits until every party has arrived, at most for a timeout.
     *
     * @param timeout how long the node waits
     * @return the arrival index
     * @throws InterruptedException if interrupted while waiting (the barrier breaks)
     * @throws BrokenBarrierException if the barrier is or becomes broken
     * @throws TimeoutException if the timeout passes (the barrier breaks)
     */
    int await(Duration timeout) throws InterruptedException, BrokenBarrierException, TimeoutException;

    /** Breaks the current round (its waiters get {@link BrokenBarrierException}) and starts afresh. */
    void reset();

    /**
     * Tells whether the barrier is broken.
     *
     * @return {@code true} until {@link #reset()}
     */
    boolean isBroken();

    /**
     * Returns the number of parties.
     *
     * @return the parties
     */
    int getParties();

    /**
     * Counts the parties waiting now.
     *
     * @return the count
     */
    int getNumberWaiting();
}
