package dev.steward.samples;

import dev.steward.Exposed;
import dev.steward.Managed;

/**
 * The seed's custom class (seed 003, "Custom Managed Objects"): Python registers it with {@code
 * BaseManager.register('Counter', Counter, exposed=['increment', 'reset', 'get_value'])}; Java marks
 * it {@code @Managed} and its exposed methods {@code @Exposed}, and Steward's annotation processor
 * generates {@code Counter_Proxy} at compile time.
 *
 * <p>No locking: calls on one managed object run one at a time on the node, so {@code value++} is
 * safe however many processes call it.
 */
@Managed
public class Counter {
    private int value;

    /** Starts at zero: {@code def __init__(self): self.value = 0}. */
    public Counter() {}

    /** Adds one. */
    @Exposed
    public void increment() {
        value++;
    }

    /** Goes back to zero. */
    @Exposed
    public void reset() {
        value = 0;
    }

    /**
     * Reads the count ({@code get_value}).
     *
     * @return the value
     */
    @Exposed
    public int getValue() {
        return value;
    }
}
