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
 * <p>Netty does not wake a loop that is not blocked when a task is submitted to it, so the look
 * also ends as soon as the loop has a task queued: an answer sent from another thread, or the
 * group's shutting down.
 */
final class SpinningSelectStrategy implements SelectStrategy {
    private final long spinNanos;
    /** The loop this strategy runs on, found on its first use; {@code null} if it is not one. */
    private SingleThreadEventExecutor loop;
    /** Whether {@link #loop} has been looked for. */
    private boolean loopKnown;

    private SpinningSelectStrategy(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    /**
     * The strategies for a group's loops.
     *
     * @param spinNanos how long a loop looks on for I/O before it blocks; 0 to block at once
     * @return a factory of strategies, one per loop
     */
    static SelectStrategyFactory factory(long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must not be negative, not " + spinNanos);
        }
        return () -> new SpinningSelectStrategy(spinNanos);
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        int ready = selectNow.get();
        if (ready > 0 || hasTasks) {
            return ready;
        }
        if (spinNanos == 0 || !loopFound()) {
            return SelectStrategy.SELECT;
        }
        long deadline = System.nanoTime() + spinNanos;
        do {
            Thread.yield();
            ready = selectNow.get();
            if (ready > 0 || loop.pendingTasks() > 0) {
                return ready;
            }
        } while (System.nanoTime() - deadline < 0);
        return SelectStrategy.SELECT;
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
