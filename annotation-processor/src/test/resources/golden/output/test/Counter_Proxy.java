package test;

import dev.steward.Manager;
import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.managed.ManagedCalls;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The proxy of a {@link Counter} that lives on a Steward node: each method runs the method of the same name
 * on the node and waits for its result. Made by {@code create(manager, ...)} or received (as a result,
 * from {@code Manager.lookup}, or as an argument of a spawned JVM); thread-safe.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Counter_Proxy implements SharedObject, ProxySupport {
    /**
     * The node's name for the type.
     */
    public static final String TYPE_NAME = "test.Counter";

    /**
     * constructor()
     */
    private static final int CREATE_0 = 0x5699f800;

    /**
     * constructor(int)
     */
    private static final int CREATE_1 = 0x5699f801;

    /**
     * add(long)
     */
    private static final int ADD_0 = 0x5699f800;

    /**
     * getValue()
     */
    private static final int GET_VALUE_1 = 0x5699f801;

    /**
     * increment()
     */
    private static final int INCREMENT_2 = 0x5699f802;

    /**
     * reset()
     */
    private static final int RESET_3 = 0x5699f803;

    private final ProxyHandle handle;

    private final Async async;

    private Counter_Proxy(ProxyHandle handle) {
        this.handle = handle;
        this.async = new Async(handle);
    }

    /**
     * Wraps a handle; called by the runtime through {@link Counter_ManagedType}.
     *
     * @param handle the handle of an object of this type
     * @return the proxy
     */
    static Counter_Proxy wrap(ProxyHandle handle) {
        return new Counter_Proxy(handle);
    }

    /**
     * Creates a {@link Counter} on the node, running its constructor {@code Counter()} there.
     *
     * @param manager the manager of the node
     * @return the proxy of the new object
     */
    public static Counter_Proxy create(Manager manager) {
        return ManagedCalls.create(manager, TYPE_NAME, CREATE_0, Counter_Proxy.class, new Object[0]);
    }

    /**
     * Creates a {@link Counter} on the node, running its constructor {@code Counter(int)} there.
     *
     * @param manager the manager of the node
     * @param start the constructor's argument
     * @return the proxy of the new object
     */
    public static Counter_Proxy create(Manager manager, int start) {
        return ManagedCalls.create(manager, TYPE_NAME, CREATE_1, Counter_Proxy.class, new Object[] {start});
    }

    /**
     * Runs {@code add(long)} of the {@link Counter} on the node and waits for it.
     *
     * @param delta the argument of the same name
     * @return what the node's method returned
     */
    public long add(long delta) {
        return ManagedCalls.longResult(this.handle.call(ADD_0, "add", new Object[] {delta}));
    }

    /**
     * Runs {@code getValue()} of the {@link Counter} on the node and waits for it.
     * @return what the node's method returned
     */
    public int getValue() {
        return ManagedCalls.intResult(this.handle.call(GET_VALUE_1, "getValue", new Object[0]));
    }

    /**
     * Runs {@code increment()} of the {@link Counter} on the node and waits for it.
     */
    public void increment() {
        this.handle.call(INCREMENT_2, "increment", new Object[0]);
    }

    /**
     * Runs {@code reset()} of the {@link Counter} on the node and waits for it.
     */
    public void reset() {
        this.handle.call(RESET_3, "reset", new Object[0]);
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

    /**
     * The asynchronous view of a {@link Counter_Proxy}: each method sends its call and returns at once; the future
     * completes on a connection thread when the node answers (with the method's declared exception,
     * rebuilt, when it throws one). Calls from one thread reach the node in order.
     */
    public static final class Async {
        private final ProxyHandle handle;

        private Async(ProxyHandle handle) {
            this.handle = handle;
        }

        /**
         * Runs {@code add(long)} of the {@link Counter} on the node, without waiting.
         *
         * @param delta the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Long> add(long delta) {
            return ManagedCalls.async(this.handle.callAsync(ADD_0, "add", new Object[] {delta}), ManagedCalls::longResult);
        }

        /**
         * Runs {@code getValue()} of the {@link Counter} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Integer> getValue() {
            return ManagedCalls.async(this.handle.callAsync(GET_VALUE_1, "getValue", new Object[0]), ManagedCalls::intResult);
        }

        /**
         * Runs {@code increment()} of the {@link Counter} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Void> increment() {
            return ManagedCalls.async(this.handle.callAsync(INCREMENT_2, "increment", new Object[0]), ManagedCalls::voidResult);
        }

        /**
         * Runs {@code reset()} of the {@link Counter} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Void> reset() {
            return ManagedCalls.async(this.handle.callAsync(RESET_3, "reset", new Object[0]), ManagedCalls::voidResult);
        }
    }
}
