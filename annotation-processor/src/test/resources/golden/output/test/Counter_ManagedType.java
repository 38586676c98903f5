package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Counter} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Counter_ManagedType extends ManagedType<Counter> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0xfb0700d96e8ad33fL;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Counter_ManagedType() {
        super("test.Counter",
                Counter.class,
                FINGERPRINT,
                false,
                false,
                List.of(method("add(long)", 1),
                method("getValue()", 0),
                method("increment()", 0),
                method("reset()", 0)),
                List.of(List.<Class<?>>of(),
                List.<Class<?>>of(int.class)),
                List.of());
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Counter_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Counter> dispatcher() {
        return Counter_Dispatcher.instance();
    }
}
