package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Account} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Account_ManagedType extends ManagedType<Account> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0xd3bca3cc05c8323eL;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Account_ManagedType() {
        super("test.Account",
                Account.class,
                FINGERPRINT,
                false,
                false,
                List.of(method("transfer(test.Account,long)", 2),
                method("withdraw(long)", 1)),
                List.of(List.<Class<?>>of(long.class)),
                List.of());
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Account_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Account> dispatcher() {
        return Account_Dispatcher.instance();
    }
}
