package dev.steward.transport.aeron;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that the {@link TransportAgent} does on its duty cycle: a server polling for requests, a
 * connection sending what is queued. A duty with nothing to do may rest: the agent then runs it
 * only every {@link TransportAgent#SWEEP_NS} (for its timers), until something {@linkplain
 * TransportAgent#wake(Duty) wakes} it, so that thousands of idle connections cost nothing per
 * cycle. Every method runs on the agent's thread.
 */
abstract class Duty {
    /** Whether the duty is among those the agent runs every cycle, or is queued to be. */
    final AtomicBoolean awake = new AtomicBoolean(true);

    /** Whether the duty sits in the agent's resting list. Agent-confined. */
    boolean resting;

    /**
     * Does what there is to do now.
     *
     * @param nowNs {@link System#nanoTime()} at the start of this cycle
     * @return how much work was done; 0 when there was nothing to do
     */
    abstract int doWork(long nowNs);

    /**
     * Tells whether this duty is over; the agent then drops it.
     *
     * @return {@code true} once finished
     */
    abstract boolean isFinished();

    /**
     * Tells whether the duty has nothing to do until woken, apart from its timers.
     *
     * @return {@code true} if it may rest
     */
    boolean canRest() {
        return false;
    }

    /**
     * Ends this duty at once because the process is exiting: tell peers if that can be done
     * without waiting, release Aeron resources, report the close.
     */
    abstract void abort();
}
