package dev.steward.benchmarks.workload;

import dev.steward.Exposed;
import dev.steward.Managed;

/**
 * {@link BenchCounter} with {@code @Managed(inline = true)}: its calls run on the node's transport
 * thread, for {@code custom_counter_inline_ops_s}.
 */
@Managed(inline = true)
public class InlineBenchCounter {
    private long value;

    /** Starts at zero. */
    public InlineBenchCounter() {}

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
