package test;

import dev.steward.Manager;
import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.managed.ManagedCalls;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The proxy of a {@link Book} that lives on a Steward node: each method runs the method of the same name
 * on the node and waits for its result. Made by {@code create(manager, ...)} or received (as a result,
 * from {@code Manager.lookup}, or as an argument of a spawned JVM); thread-safe.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Book_Proxy implements SharedObject, ProxySupport {
    /**
     * The node's name for the type.
     */
    public static final String TYPE_NAME = "test.Book";

    /**
     * constructor(java.lang.String)
     */
    private static final int CREATE_0 = 0x379db000;

    /**
     * title()
     */
    private static final int TITLE_0 = 0x379db000;

    private final ProxyHandle handle;

    private final Async async;

    private Book_Proxy(ProxyHandle handle) {
        this.handle = handle;
        this.async = new Async(handle);
    }

    /**
     * Wraps a handle; called by the runtime through {@link Book_ManagedType}.
     *
     * @param handle the handle of an object of this type
     * @return the proxy
     */
    static Book_Proxy wrap(ProxyHandle handle) {
        return new Book_Proxy(handle);
    }

    /**
     * Creates a {@link Book} on the node, running its constructor {@code Book(java.lang.String)} there.
     *
     * @param manager the manager of the node
     * @param title the constructor's argument
     * @return the proxy of the new object
     */
    public static Book_Proxy create(Manager manager, String title) {
        return ManagedCalls.create(manager, TYPE_NAME, CREATE_0, Book_Proxy.class, new Object[] {title});
    }

    /**
     * Runs {@code title()} of the {@link Book} on the node and waits for it.
     * @return what the node's method returned
     */
    public String title() {
        return ManagedCalls.<String>result(this.handle.call(TITLE_0, "title", new Object[0]), String.class);
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
     * The asynchronous view of a {@link Book_Proxy}: each method sends its call and returns at once; the future
     * completes on a connection thread when the node answers (with the method's declared exception,
     * rebuilt, when it throws one). Calls from one thread reach the node in order.
     */
    public static final class Async {
        private final ProxyHandle handle;

        private Async(ProxyHandle handle) {
            this.handle = handle;
        }

        /**
         * Runs {@code title()} of the {@link Book} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<String> title() {
            return ManagedCalls.async(this.handle.callAsync(TITLE_0, "title", new Object[0]), value -> ManagedCalls.<String>result(value, String.class));
        }
    }
}
