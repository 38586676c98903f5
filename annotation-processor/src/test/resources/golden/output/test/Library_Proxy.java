package test;

import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.managed.ManagedCalls;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The proxy of a {@link Library} that lives on a Steward node: each method runs the method of the same name
 * on the node and waits for its result. Made by {@code create(manager, ...)} or received (as a result,
 * from {@code Manager.lookup}, or as an argument of a spawned JVM); thread-safe.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Library_Proxy implements SharedObject, ProxySupport {
    /**
     * The node's name for the type.
     */
    public static final String TYPE_NAME = "test.Library";

    /**
     * constructor()
     */
    private static final int CREATE_0 = 0xdf5000;

    /**
     * book(java.lang.String)
     */
    private static final int BOOK_0 = 0xdf5000;

    /**
     * log()
     */
    private static final int LOG_1 = 0xdf5001;

    /**
     * logTo(dev.steward.SharedList)
     */
    private static final int LOG_TO_2 = 0xdf5002;

    /**
     * shelve(test.Book)
     */
    private static final int SHELVE_3 = 0xdf5003;

    private final ProxyHandle handle;

    private final Async async;

    private Library_Proxy(ProxyHandle handle) {
        this.handle = handle;
        this.async = new Async(handle);
    }

    /**
     * Wraps a handle; called by the runtime through {@link Library_ManagedType}.
     *
     * @param handle the handle of an object of this type
     * @return the proxy
     */
    static Library_Proxy wrap(ProxyHandle handle) {
        return new Library_Proxy(handle);
    }

    /**
     * Creates a {@link Library} on the node, running its constructor {@code Library()} there.
     *
     * @param manager the manager of the node
     * @return the proxy of the new object
     */
    public static Library_Proxy create(Manager manager) {
        return ManagedCalls.create(manager, TYPE_NAME, CREATE_0, Library_Proxy.class, new Object[0]);
    }

    /**
     * Runs {@code book(java.lang.String)} of the {@link Library} on the node and waits for it.
     *
     * @param title the argument of the same name
     * @return what the node's method returned
     */
    public Book_Proxy book(String title) {
        return ManagedCalls.<Book_Proxy>result(this.handle.call(BOOK_0, "book", new Object[] {title}), Book_Proxy.class);
    }

    /**
     * Runs {@code log()} of the {@link Library} on the node and waits for it.
     * @return what the node's method returned
     */
    public SharedList<String> log() {
        return ManagedCalls.<SharedList<String>>result(this.handle.call(LOG_1, "log", new Object[0]), SharedList.class);
    }

    /**
     * Runs {@code logTo(dev.steward.SharedList)} of the {@link Library} on the node and waits for it.
     *
     * @param log the argument of the same name
     */
    public void logTo(SharedList<String> log) {
        this.handle.call(LOG_TO_2, "logTo", new Object[] {log});
    }

    /**
     * Runs {@code shelve(test.Book)} of the {@link Library} on the node and waits for it.
     *
     * @param book the argument of the same name
     * @return what the node's method returned
     */
    public boolean shelve(Book_Proxy book) {
        return ManagedCalls.booleanResult(this.handle.call(SHELVE_3, "shelve", new Object[] {book}));
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
     * The asynchronous view of a {@link Library_Proxy}: each method sends its call and returns at once; the future
     * completes on a connection thread when the node answers (with the method's declared exception,
     * rebuilt, when it throws one). Calls from one thread reach the node in order.
     */
    public static final class Async {
        private final ProxyHandle handle;

        private Async(ProxyHandle handle) {
            this.handle = handle;
        }

        /**
         * Runs {@code book(java.lang.String)} of the {@link Library} on the node, without waiting.
         *
         * @param title the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Book_Proxy> book(String title) {
            return ManagedCalls.async(this.handle.callAsync(BOOK_0, "book", new Object[] {title}), value -> ManagedCalls.<Book_Proxy>result(value, Book_Proxy.class));
        }

        /**
         * Runs {@code log()} of the {@link Library} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<SharedList<String>> log() {
            return ManagedCalls.async(this.handle.callAsync(LOG_1, "log", new Object[0]), value -> ManagedCalls.<SharedList<String>>result(value, SharedList.class));
        }

        /**
         * Runs {@code logTo(dev.steward.SharedList)} of the {@link Library} on the node, without waiting.
         *
         * @param log the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Void> logTo(SharedList<String> log) {
            return ManagedCalls.async(this.handle.callAsync(LOG_TO_2, "logTo", new Object[] {log}), ManagedCalls::voidResult);
        }

        /**
         * Runs {@code shelve(test.Book)} of the {@link Library} on the node, without waiting.
         *
         * @param book the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Boolean> shelve(Book_Proxy book) {
            return ManagedCalls.async(this.handle.callAsync(SHELVE_3, "shelve", new Object[] {book}), ManagedCalls::booleanResult);
        }
    }
}
