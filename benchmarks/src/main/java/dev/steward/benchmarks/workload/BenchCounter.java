package dev.steward.benchmarks.workload;

import dev.steward.Exposed;
import dev.steward.Managed;

/** The anchors' user-defined counter: {@code increment} and {@code get_value}. */
@Managed
public class BenchCounter {
    private long value;

    /** Starts at zero. */
    public BenchCounter() {}

    /** Adds one. */
    @Exposed
    public void increment() {
        value++;
    }

    /**
     * Reads the count.
     *
     * @return the value
     */
    @Exposed
    public long getValue() {
        return value;
    }
}
