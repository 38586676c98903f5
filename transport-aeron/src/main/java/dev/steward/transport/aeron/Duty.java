package dev.steward.transport.aeron;

/**
 * Work that the {@link TransportAgent} does on every duty cycle: a server polling for requests, a
 * connection sending what is queued. Every method runs on the agent's thread.
 */
interface Duty {
    /**
     * Does what there is to do now.
     *
     * @param nowNs {@link System#nanoTime()} at the start of this cycle
     * @return how much work was done; 0 when there was nothing to do
     */
    int doWork(long nowNs);

    /**
     * Tells whether this duty is over; the agent then drops it.
     *
     * @return {@code true} once finished
     */
    boolean isFinished();

    /**
     * Ends this duty at once because the process is exiting: tell peers if that can be done
     * without waiting, release Aeron resources, report the close.
     */
    void abort();
}
