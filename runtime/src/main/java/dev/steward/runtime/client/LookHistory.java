package dev.steward.runtime.client;

import dev.steward.runtime.TimingProperties;
import java.util.concurrent.TimeUnit;

/**
 * How long a connection's callers have lately looked for their answers before they found them
 * ({@link ClientConnection#spinBriefly}), to decide whether the next caller should look at all.
 *
 * <p>A look pays when the answer comes within about the time the kernel takes to wake a sleeping
 * thread (25-30 µs on the 2-core test machine): the caller then has it without that wake-up. A
 * look that lasts longer than that holds a processor for longer than the wake-up it saves, and
 * looks are that long mostly when the processors are all taken: the node, or the process that the
 * answer waits for, is waiting for the processor that the looking caller holds. Three processes
 * sharing two cores (a client, an echo and the node of the queue workload) looked for 47 µs on
 * average and found the answer in 97 % of the looks; one client alone with the node found it in
 * 14 µs. So while recent looks average above {@link #LONG_LOOK_NANOS}, callers sleep at once on
 * the connection (in the kernel, on a socket), except every {@link #SAMPLE_EVERY}th one, which
 * still looks, so that looks that have become short again are noticed.
 *
 * <p>Shared by the connection's calling threads; the average is an estimate, and a lost update
 * between two threads does no harm.
 */
final class LookHistory {
    /**
     * Looks that average above this many nanoseconds stop: {@code
     * -Dsteward.client.longLookMicros=N}, 0 to 10,000, 0 to look always. By default 25 µs, about
     * the kernel's wake-up of a thread asleep on a socket on the test machine.
     */
    static final long LONG_LOOK_NANOS =
            TimeUnit.MICROSECONDS.toNanos(TimingProperties.micros("steward.client.longLookMicros", 25, 10_000));

    /** While looks are long, one call in this many still looks. */
    static final int SAMPLE_EVERY = 8;

    private final long longLookNanos;
    private final long maxCountedNanos;
    private volatile long average; // nanoseconds
    private int calls; // racy on purpose: only spreads the samples

    /** A history with the process-wide limit. */
    LookHistory() {
        this(LONG_LOOK_NANOS);
    }

    /**
     * A history with a given limit.
     *
     * @param longLookNanos looks averaging above this stop; 0 or less never stop
     */
    LookHistory(long longLookNanos) {
        this.longLookNanos = longLookNanos;
        this.maxCountedNanos = 4 * Math.max(0, longLookNanos);
    }

    /**
     * Tells whether the next caller should look for its answer before it sleeps.
     *
     * @return {@code true} unless recent looks were long
     */
    boolean worthLooking() {
        if (longLookNanos <= 0 || average <= longLookNanos) {
            return true;
        }
        return ++calls % SAMPLE_EVERY == 0;
    }

    /**
     * Records how long a look lasted, whether or not it found the answer.
     *
     * @param nanos the look's length
     */
    void record(long nanos) {
        if (longLookNanos <= 0) {
            return;
        }
        // a moving average over the last few looks, each counted as at most four limits: one look
        // that lost its processor does not stop the looking, and a few short ones start it again
        long a = average;
        average = a + (Math.min(nanos, maxCountedNanos) - a) / 8;
    }

    /**
     * The current average, for tests and diagnostics.
     *
     * @return nanoseconds
     */
    long averageNanos() {
        return average;
    }
}
