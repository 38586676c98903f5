package dev.steward.runtime.client;

import dev.steward.SharedValue;
import dev.steward.runtime.protocol.Ops.ValueOps;
import java.util.concurrent.CompletableFuture;

/** The proxy of {@code steward.value}. */
final class ValueProxy<T> extends AbstractProxy implements SharedValue<T> {
    private final Async<T> async = new AsyncView();

    ValueProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) call(ValueOps.GET, "get");
    }

    @Override
    public void set(T value) {
        call(ValueOps.SET, "set", value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getAndSet(T value) {
        return (T) call(ValueOps.GET_AND_SET, "getAndSet", value);
    }

    @Override
    public boolean compareAndSet(T expected, T value) {
        return callBoolean(ValueOps.COMPARE_AND_SET, "compareAndSet", expected, value);
    }

    @Override
    public Async<T> async() {
        return async;
    }

    @Override
    public String toString() {
        return showOrClosed(() -> "SharedValue[" + get() + "]");
    }

    private final class AsyncView implements Async<T> {
        @Override
        public CompletableFuture<T> get() {
            return async(ValueOps.GET, "get");
        }

        @Override
        public CompletableFuture<Void> set(T value) {
            return async(ValueOps.SET, "set", value);
        }

        @Override
        public CompletableFuture<T> getAndSet(T value) {
            return async(ValueOps.GET_AND_SET, "getAndSet", value);
        }

        @Override
        public CompletableFuture<Boolean> compareAndSet(T expected, T value) {
            return async(ValueOps.COMPARE_AND_SET, "compareAndSet", expected, value);
        }
    }
}
