package dev.steward.transport.aeron;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * The {@code backoff} idle strategy of the {@code steward-aeron} thread: after work, or after a
 * {@linkplain #wake wake-up}, it yields the processor for a window ({@code aeron.idleYieldUs},
 * after {@code aeron.idleSpins} busy spins, none by default), and only then parks, for periods that
 * double up to the maximum.
 *
 * <p>Why a window rather than Agrona's {@code BackoffIdleStrategy} (10 spins, 5 yields, then
 * park): on the virtual machines this was measured on, the shortest park lasts about 70 µs whatever
 * it asks for, and a wake-up through {@code unpark} costs the woken thread 5-10 µs before it runs.
 * Shared memory gives no signal, so a thread that parks between calls makes every request (on the
 * node) and every reply (on the client) wait for the end of a park. Calls come in bursts: a thread
 * that yields for a while after each piece of work finds the next request at once, and costs
 * nothing when nothing happens, since it parks again after the window and a yield gives the
 * processor to any thread that wants it. Busy spins are few (none by default): with more busy
 * threads than processors (two cores, and a caller, a client agent and a node agent), a thread
 * that spins holds a processor that another needs, and round trips grow tenfold.
 *
 * <p>{@link #wake} brings a parked (or parking) agent back to the start of the window: what a thread
 * just queued or sent is usually followed by work. It costs the caller a volatile write and read,
 * and a system call only when the agent is parked. {@link #wakeFor} asks for a longer look, until a
 * deadline. {@link #calm} ends a window (and such a look) early: what the agent was woken for has
 * been done by another thread.
 */
final class AgentIdleStrategy implements IdleStrategy {
    /** While threads read their replies themselves, and this long after, parks stay short. */
    static final long READ_BY_CALLER_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The longest park while threads read their replies themselves. */
    static final long READ_BY_CALLER_MAX_PARK_NS = TimeUnit.MICROSECONDS.toNanos(250);

    private final int maxSpins;
    private final long yieldWindowNs;
    private final long minParkNs;
    private final long maxParkNs;

    /** Set while the agent parks, or is about to. */
    private volatile boolean parked;
    /** Set by {@link #wake}: start the window again. */
    private volatile boolean nudged;
    /** Set by {@link #calm}: end the window now. */
    private volatile boolean calmed;
    /**
     * Until when the agent looks without parking, whatever work it does meanwhile ({@link
     * #wakeFor}); {@link #calm} moves it back to now.
     */
    private final AtomicLong lookUntilNs = new AtomicLong(System.nanoTime());
    /** Answers that callers parked for with a look asked of the agent ({@link #lookFor}), not yet in. */
    private final AtomicInteger awaited = new AtomicInteger();
    /** Until when the agent looks while {@link #awaited} is above 0. */
    private final AtomicLong awaitedUntilNs = new AtomicLong(System.nanoTime());
    /** When a thread last read a connection's replies itself ({@link System#nanoTime}). */
    private volatile long readByCallerNs = System.nanoTime() - 2 * READ_BY_CALLER_NS;

    private int spins; // agent-confined
    private boolean yielding; // agent-confined
    private long yieldSinceNs; // agent-confined
    private long parkNs; // agent-confined

    /**
     * Creates the strategy.
     *
     * @param maxSpins busy spins before yielding
     * @param yieldWindowNs how long to yield before parking
     * @param minParkNs the first park
     * @param maxParkNs the longest park
     */
    AgentIdleStrategy(int maxSpins, long yieldWindowNs, long minParkNs, long maxParkNs) {
        this.maxSpins = maxSpins;
        this.yieldWindowNs = yieldWindowNs;
        this.minParkNs = Math.min(minParkNs, maxParkNs);
        this.maxParkNs = maxParkNs;
        this.parkNs = this.minParkNs;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        if (nudged) {
            nudged = false;
            reset();
        }
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
            return;
        }
        long nowNs = System.nanoTime();
        if (!yielding) {
            yielding = true;
            yieldSinceNs = nowNs;
        }
        if (calmed) {
            calmed = false;
            yieldSinceNs = nowNs - yieldWindowNs;
        }
        if (nowNs - yieldSinceNs < yieldWindowNs || looking(nowNs)) {
            Thread.yield();
            return;
        }
        parked = true;
        if (!nudged) { // a wake-up that saw parked == false set nudged first: do not park past it
            LockSupport.parkNanos(parkNs);
        }
        parked = false;
        long longest = nowNs - readByCallerNs < READ_BY_CALLER_NS
                // a thread that reads its replies may stop (to park) at any time: look often
                ? Math.min(maxParkNs, READ_BY_CALLER_MAX_PARK_NS)
                : maxParkNs;
        parkNs = Math.min(parkNs << 1, longest);
    }

    private boolean looking(long nowNs) {
        return nowNs - lookUntilNs.get() < 0 || (awaited.get() > 0 && nowNs - awaitedUntilNs.get() < 0);
    }

    @Override
    public void reset() {
        spins = 0;
        yielding = false;
        parkNs = minParkNs;
    }

    /**
     * Brings the agent back to the start of its window: unparks it if it parks. Thread-safe.
     *
     * @param agent the agent's thread
     */
    void wake(Thread agent) {
        nudged = true;
        if (parked) {
            LockSupport.unpark(agent);
        }
    }

    /**
     * Like {@link #wake}, and the agent does not park for {@code windowNs} from now, whatever work
     * it does meanwhile (work starts the usual window again, which must not cut this one short: an
     * agent that runs a driver has work of its own, such as status messages, while the answer it
     * was woken for is still on its way). {@link #calm} ends it early. Thread-safe.
     *
     * @param agent the agent's thread
     * @param windowNs the window
     */
    void wakeFor(Thread agent, long windowNs) {
        raise(lookUntilNs, System.nanoTime() + windowNs);
        wake(agent);
    }

    /**
     * Like {@link #wakeFor}, for a caller that parks until {@code answer} completes: the look lasts
     * until then, or for {@code windowNs} from now if that is sooner, while the answers of other
     * such callers are not in yet. {@link #calm}, which another thread's read of its own answer
     * calls, does not end it. Thread-safe.
     *
     * @param agent the agent's thread
     * @param answer the answer the caller parks for
     * @param windowNs the longest look
     */
    void lookFor(Thread agent, CompletableFuture<?> answer, long windowNs) {
        if (answer.isDone()) {
            return;
        }
        awaited.incrementAndGet();
        raise(awaitedUntilNs, System.nanoTime() + windowNs);
        answer.whenComplete((result, failure) -> awaited.decrementAndGet());
        wake(agent);
    }

    /** Moves a deadline to {@code untilNs} if that is later. */
    private static void raise(AtomicLong deadline, long untilNs) {
        long current;
        do {
            current = deadline.get();
            if (untilNs - current <= 0) {
                return;
            }
        } while (!deadline.compareAndSet(current, untilNs));
    }

    /**
     * Ends the current yield window, and a look asked for by {@link #wakeFor}: what the agent was
     * woken for has been done by another thread. Looks asked for by {@link #lookFor} end with their
     * answers instead. Work, or a later wake-up, starts a new window as usual. Thread-safe.
     */
    void calm() {
        lookUntilNs.set(System.nanoTime());
        calmed = true;
    }

    /**
     * Notes that a thread read a connection's replies itself: while threads do, parks stay short,
     * as a backstop for a reply that arrives when no thread reads and no wake-up came. Thread-safe.
     *
     * @param nowNs {@link System#nanoTime()}
     */
    void readByCaller(long nowNs) {
        if (nowNs - readByCallerNs > READ_BY_CALLER_NS / 8) { // seldom a shared write
            readByCallerNs = nowNs;
        }
    }

    @Override
    public String alias() {
        return "steward-backoff";
    }

    @Override
    public String toString() {
        return "AgentIdleStrategy{spins=" + maxSpins + ", yieldWindowNs=" + yieldWindowNs + ", minParkNs=" + minParkNs
                + ", maxParkNs=" + maxParkNs + "}";
    }
}
