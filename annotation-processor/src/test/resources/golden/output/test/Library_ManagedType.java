package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Library} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Library_ManagedType extends ManagedType<Library> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0x7568f64bcdd01beaL;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Library_ManagedType() {
        super("test.Library",
                Library.class,
                FINGERPRINT,
                false,
                false,
                List.of(method("book(java.lang.String)", 1),
                method("log()", 0),
                method("logTo(dev.steward.SharedList)", 1),
                method("shelve(test.Book)", 1)),
                List.of(List.<Class<?>>of()),
                List.of());
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Library_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Library> dispatcher() {
        return Library_Dispatcher.instance();
    }
}
