package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Book} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Book_ManagedType extends ManagedType<Book> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0x7dea5deef6b6f3b6L;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Book_ManagedType() {
        super("test.Book",
                Book.class,
                FINGERPRINT,
                false,
                false,
                List.of(method("title()", 0)),
                List.of(List.<Class<?>>of(String.class)),
                List.of());
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Book_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Book> dispatcher() {
        return Book_Dispatcher.instance();
    }
}
