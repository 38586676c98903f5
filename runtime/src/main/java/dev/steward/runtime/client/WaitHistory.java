package dev.steward.runtime.client;

import java.util.Arrays;

/**
 * How long one proxy's calls of each method that may wait on the node (a lock, a take, an await)
 * have waited lately, to decide whether the caller should look for its answer for a while before
 * it parks ({@link ClientConnection#spinBriefly}). Looking pays when answers come within that
 * window, as a take from a busy queue does; when they come later, as a lock shared with processes
 * that queue for it does, the look only takes processor time from the process that holds the lock
 * or fills the queue, on a machine with fewer cores than busy threads. So a method whose recent
 * waits average well over the window parks at once, except every {@link #SAMPLE_EVERY}th call,
 * which still looks, so that waits that have become short are noticed again.
 *
 * <p>Shared by the threads that use the proxy; the averages are estimates, and a lost update
 * between two threads does no harm.
 */
final class WaitHistory {
    /** Calls whose waits lately average above this park at once. */
    static final long LONG_WAIT_NANOS = 2 * ClientConnection.SPIN_NANOS;

    /** One call in this many looks for its answer whatever the history says. */
    static final int SAMPLE_EVERY = 8;

    private static final long MAX_COUNTED_NANOS = 4 * LONG_WAIT_NANOS;

    private volatile long[] averages = new long[0]; // per method index, nanoseconds
    private int calls; // racy on purpose: only spreads the samples

    /**
     * Tells whether a call of a method should look for its answer before it parks.
     *
     * @param method the method index
     * @return {@code true} unless its recent waits were long
     */
    boolean worthLooking(int method) {
        long[] a = averages;
        if (method >= a.length || a[method] <= LONG_WAIT_NANOS) {
            return true;
        }
        return ++calls % SAMPLE_EVERY == 0;
    }

    /**
     * Records how long a call waited for its answer, from sending to the answer in hand.
     *
     * @param method the method index
     * @param nanos the wait
     */
    void record(int method, long nanos) {
        long[] a = averages;
        if (method >= a.length) {
            if (method > 255) {
                return; // not a built-in's method: no history
            }
            a = Arrays.copyOf(a, method + 1);
            averages = a;
        }
        // a moving average over the last few calls, each counted as at most MAX_COUNTED: one long
        // wait does not stop the looking, and a few short ones start it again
        a[method] += (Math.min(nanos, MAX_COUNTED_NANOS) - a[method]) / 4;
    }
}
