package test;

import dev.steward.Manager;
import dev.steward.RemoteInvocationException;
import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.managed.ManagedCalls;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The proxy of a {@link Account} that lives on a Steward node: each method runs the method of the same name
 * on the node and waits for its result. Made by {@code create(manager, ...)} or received (as a result,
 * from {@code Manager.lookup}, or as an argument of a spawned JVM); thread-safe.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Account_Proxy implements SharedObject, ProxySupport {
    /**
     * The node's name for the type.
     */
    public static final String TYPE_NAME = "test.Account";

    /**
     * constructor(long)
     */
    private static final int CREATE_0 = 0x4191f000;

    /**
     * transfer(test.Account,long)
     */
    private static final int TRANSFER_0 = 0x4191f000;

    /**
     * withdraw(long)
     */
    private static final int WITHDRAW_1 = 0x4191f001;

    private final ProxyHandle handle;

    private final Async async;

    private Account_Proxy(ProxyHandle handle) {
        this.handle = handle;
        this.async = new Async(handle);
    }

    /**
     * Wraps a handle; called by the runtime through {@link Account_ManagedType}.
     *
     * @param handle the handle of an object of this type
     * @return the proxy
     */
    static Account_Proxy wrap(ProxyHandle handle) {
        return new Account_Proxy(handle);
    }

    /**
     * Creates a {@link Account} on the node, running its constructor {@code Account(long)} there.
     *
     * @param manager the manager of the node
     * @param balance the constructor's argument
     * @return the proxy of the new object
     */
    public static Account_Proxy create(Manager manager, long balance) throws
            InsufficientFundsException {
        try {
            return ManagedCalls.create(manager, TYPE_NAME, CREATE_0, Account_Proxy.class, new Object[] {balance});
        } catch (RemoteInvocationException failure) {
            if (failure.remoteType().equals("test.InsufficientFundsException")) {
                throw ManagedCalls.rethrown(new InsufficientFundsException(failure.remoteMessage(), failure.getCause()), failure);
            }
            throw failure;
        }
    }

    /**
     * Runs {@code transfer(test.Account,long)} of the {@link Account} on the node and waits for it.
     *
     * @param to the argument of the same name
     * @param amount the argument of the same name
     */
    public void transfer(Account_Proxy to, long amount) throws InsufficientFundsException,
            FrozenException {
        try {
            this.handle.call(TRANSFER_0, "transfer", new Object[] {to, amount});
        } catch (RemoteInvocationException failure) {
            if (failure.remoteType().equals("test.InsufficientFundsException")) {
                throw ManagedCalls.rethrown(new InsufficientFundsException(failure.remoteMessage(), failure.getCause()), failure);
            }
            if (failure.remoteType().equals("test.FrozenException")) {
                throw ManagedCalls.rethrown(new FrozenException(), failure);
            }
            throw failure;
        }
    }

    /**
     * Runs {@code withdraw(long)} of the {@link Account} on the node and waits for it.
     *
     * @param amount the argument of the same name
     * @return what the node's method returned
     */
    public long withdraw(long amount) throws InsufficientFundsException, FrozenException {
        try {
            return ManagedCalls.longResult(this.handle.call(WITHDRAW_1, "withdraw", new Object[] {amount}));
        } catch (RemoteInvocationException failure) {
            if (failure.remoteType().equals("test.InsufficientFundsException")) {
                throw ManagedCalls.rethrown(new InsufficientFundsException(failure.remoteMessage(), failure.getCause()), failure);
            }
            if (failure.remoteType().equals("test.FrozenException")) {
                throw ManagedCalls.rethrown(new FrozenException(), failure);
            }
            throw failure;
        }
    }

    /**
     * Returns the asynchronous view of this proxy, whose methods return at once.
     *
     * @return the view
     */
    public Async async() {
        return async;
    }

    @Override
    public long objectId() {
        return handle.objectId();
    }

    @Override
    public String typeName() {
        return handle.typeName();
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public ProxyHandle proxyHandle() {
        return handle;
    }

    @Override
    public String toString() {
        return "<proxy of " + handle + ">";
    }

    private static Throwable failureOfTransfer_0(RemoteInvocationException failure) {
        if (failure.remoteType().equals("test.InsufficientFundsException")) {
            return ManagedCalls.rethrown(new InsufficientFundsException(failure.remoteMessage(), failure.getCause()), failure);
        }
        if (failure.remoteType().equals("test.FrozenException")) {
            return ManagedCalls.rethrown(new FrozenException(), failure);
        }
        return failure;
    }

    private static Throwable failureOfWithdraw_1(RemoteInvocationException failure) {
        if (failure.remoteType().equals("test.InsufficientFundsException")) {
            return ManagedCalls.rethrown(new InsufficientFundsException(failure.remoteMessage(), failure.getCause()), failure);
        }
        if (failure.remoteType().equals("test.FrozenException")) {
            return ManagedCalls.rethrown(new FrozenException(), failure);
        }
        return failure;
    }

    /**
     * The asynchronous view of a {@link Account_Proxy}: each method sends its call and returns at once; the future
     * completes on a connection thread when the node answers (with the method's declared exception,
     * rebuilt, when it throws one). Calls from one thread reach the node in order.
     */
    public static final class Async {
        private final ProxyHandle handle;

        private Async(ProxyHandle handle) {
            this.handle = handle;
        }

        /**
         * Runs {@code transfer(test.Account,long)} of the {@link Account} on the node, without waiting.
         *
         * @param to the argument of the same name
         * @param amount the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Void> transfer(Account_Proxy to, long amount) {
            return ManagedCalls.async(this.handle.callAsync(TRANSFER_0, "transfer", new Object[] {to, amount}), ManagedCalls::voidResult, Account_Proxy::failureOfTransfer_0);
        }

        /**
         * Runs {@code withdraw(long)} of the {@link Account} on the node, without waiting.
         *
         * @param amount the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Long> withdraw(long amount) {
            return ManagedCalls.async(this.handle.callAsync(WITHDRAW_1, "withdraw", new Object[] {amount}), ManagedCalls::longResult, Account_Proxy::failureOfWithdraw_1);
        }
    }
}
