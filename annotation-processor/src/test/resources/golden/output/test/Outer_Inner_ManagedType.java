package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Outer.Inner} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Outer_Inner_ManagedType extends ManagedType<Outer.Inner> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0xf5cf9a7091ebced9L;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Outer_Inner_ManagedType() {
        super("test.Outer$Inner",
                Outer.Inner.class,
                FINGERPRINT,
                true,
                false,
                List.of(method("hit()", 0)),
                List.of(List.<Class<?>>of()),
                List.of());
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Outer_Inner_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Outer.Inner> dispatcher() {
        return Outer_Inner_Dispatcher.instance();
    }
}
