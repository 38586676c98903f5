package dev.steward.runtime.client;

import dev.steward.SharedObject;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The base of the built-in proxies: identity, closing, and typed call helpers. */
public abstract class AbstractProxy implements SharedObject, ProxySupport {
    /** The object's handle. */
    protected final ProxyHandle handle;

    /**
     * Creates a proxy.
     *
     * @param handle the object's handle
     */
    protected AbstractProxy(ProxyHandle handle) {
        this.handle = handle;
    }

    @Override
    public final ProxyHandle proxyHandle() {
        return handle;
    }

    @Override
    public final long objectId() {
        return handle.objectId();
    }

    @Override
    public final String typeName() {
        return handle.typeName();
    }

    @Override
    public final void close() {
        handle.close();
    }

    @Override
    public final boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * Calls a method and waits.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return the result
     */
    protected final Object call(int method, String name, Object... args) {
        return handle.call(method, name, args);
    }

    /**
     * Calls a method that returns an {@code int}.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return the result
     */
    protected final int callInt(int method, String name, Object... args) {
        return ((Number) handle.call(method, name, args)).intValue();
    }

    /**
     * Calls a method that returns a {@code long}.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return the result
     */
    protected final long callLong(int method, String name, Object... args) {
        return ((Number) handle.call(method, name, args)).longValue();
    }

    /**
     * Calls a method that returns a {@code boolean}.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return the result
     */
    protected final boolean callBoolean(int method, String name, Object... args) {
        return (Boolean) handle.call(method, name, args);
    }

    /**
     * Calls a method without waiting.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @param <T> the result type
     * @return completes with the result
     */
    @SuppressWarnings("unchecked")
    protected final <T> CompletableFuture<T> async(int method, String name, Object... args) {
        return (CompletableFuture<T>) (CompletableFuture<?>) handle.callAsync(method, name, args);
    }

    /**
     * Calls a method that returns a number, without waiting.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return completes with the result as an {@code Integer}
     */
    protected final CompletableFuture<Integer> asyncInt(int method, String name, Object... args) {
        return handle.callAsync(method, name, args).thenApply(n -> ((Number) n).intValue());
    }

    /**
     * Calls a method that returns a number, without waiting.
     *
     * @param method the method index
     * @param name the method name
     * @param args the arguments
     * @return completes with the result as a {@code Long}
     */
    protected final CompletableFuture<Long> asyncLong(int method, String name, Object... args) {
        return handle.callAsync(method, name, args).thenApply(n -> ((Number) n).longValue());
    }

    /**
     * Describes the proxy without calling the node.
     *
     * @return type and id
     */
    protected final String describe() {
        return handle.toString();
    }

    /**
     * The text of {@code toString()}: what the node says, or, once the proxy is closed, that it is
     * closed (without calling the node).
     *
     * @param open the text of an open proxy, which may call the node
     * @return the text
     */
    protected final String showOrClosed(Supplier<String> open) {
        return handle.isClosed() ? "<closed proxy of " + describe() + ">" : open.get();
    }
}
