package dev.steward.transport.netty;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

/**
 * How an event loop waits for I/O: after it has handled something, it keeps looking for more
 * without blocking for a short while ({@code spinNanos}) before it blocks in {@code epoll_wait} (or
 * the selector) again.
 *
 * <p>A blocked loop that a client's request wakes costs that request the kernel's wake-up, 25-30 µs
 * on the 2-core test machine, as much as the rest of a call over loopback. A client that calls in a
 * loop sends its next request within a few microseconds of its answer, so a loop that looks on for
 * a little after each answer finds it without being woken. A loop with nothing to do blocks after
 * at most {@code spinNanos}, so an idle node costs nothing; a busy one spends at most {@code
 * spinNanos} of processor after each burst of work. Between looks the loop yields its core
 * ({@code Thread.yield()}), so on a machine with fewer cores than runnable threads the look costs
 * the threads that have work little: measured on two cores, spinning with {@code
 * Thread.onSpinWait()} instead slowed calls answered on a worker thread and queue round trips.
 *
 * <p>While the loop's looks have lately averaged longer than {@code longLookNanos}, it blocks at
 * once but for one look in eight, whose lengths tell when looks are short again. Looks that long
 * mean that the processes the loop serves are waiting for a processor, which the look holds: on
 * two cores, with a node, a queue client and its echo process, the node's looks lasted 77 µs on
 * average (12 µs with one client alone), and blocking instead nearly doubled the queue's round
 * trips and lifted the single client's calls too.
 *
 * <p>Netty does not wake a loop that is not blocked when a task is submitted to it, so the look
 * also ends as soon as the loop has a task queued: an answer sent from another thread, or the
 * group's shutting down.
 */
final class SpinningSelectStrategy implements SelectStrategy {
    private final long spinNanos;
    private final long longLookNanos;
    /** Recent looks' average length, nanoseconds; only this strategy's loop thread uses it. */
    private long averageLook;
    /** Counts the loop's looks skipped for being long, to sample one in eight. */
    private int skipped;
    /** The loop this strategy runs on, found on its first use; {@code null} if it is not one. */
    private SingleThreadEventExecutor loop;
    /** Whether {@link #loop} has been looked for. */
    private boolean loopKnown;

    private SpinningSelectStrategy(long spinNanos, long longLookNanos) {
        this.spinNanos = spinNanos;
        this.longLookNanos = longLookNanos;
    }

    /**
     * The strategies for a group's loops.
     *
     * @param spinNanos how long a loop looks on for I/O before it blocks; 0 to block at once
     * @param longLookNanos while looks average longer than this, the loop blocks at once but for
     *     one look in eight; 0 to look always
     * @return a factory of strategies, one per loop
     */
    static SelectStrategyFactory factory(long spinNanos, long longLookNanos) {
        if (spinNanos < 0 || longLookNanos < 0) {
            throw new IllegalArgumentException(
                    "spinNanos and longLookNanos must not be negative, not " + spinNanos + " and " + longLookNanos);
        }
        return () -> new SpinningSelectStrategy(spinNanos, longLookNanos);
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        int ready = selectNow.get();
        if (ready > 0 || hasTasks) {
            return ready;
        }
        if (spinNanos == 0 || !loopFound() || !worthLooking()) {
            return SelectStrategy.SELECT;
        }
        long start = System.nanoTime();
        long deadline = start + spinNanos;
        long now;
        do {
            Thread.yield();
            ready = selectNow.get();
            now = System.nanoTime();
            if (ready > 0 || loop.pendingTasks() > 0) {
                record(now - start);
                return ready;
            }
        } while (now - deadline < 0);
        record(now - start);
        return SelectStrategy.SELECT;
    }

    /** Whether to look at all: not while looks have been long lately, but for one in eight. */
    private boolean worthLooking() {
        return longLookNanos == 0 || averageLook <= longLookNanos || ++skipped % 8 == 0;
    }

    /** Adds a look's length to the moving average, counting it as at most four limits. */
    private void record(long nanos) {
        if (longLookNanos > 0) {
            averageLook += (Math.min(nanos, 4 * longLookNanos) - averageLook) / 8;
        }
    }

    /**
     * Recent looks' average length, for tests.
     *
     * @return nanoseconds
     */
    long averageLookNanos() {
        return averageLook;
    }

    /** Finds the loop this strategy runs on, which tells whether it has tasks queued. */
    private boolean loopFound() {
        if (!loopKnown) {
            EventExecutor current = ThreadExecutorMap.currentExecutor();
            loop = current instanceof SingleThreadEventExecutor ? (SingleThreadEventExecutor) current : null;
            loopKnown = true;
        }
        return loop != null;
    }
}
