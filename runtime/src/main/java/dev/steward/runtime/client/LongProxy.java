package dev.steward.runtime.client;

import dev.steward.SharedLong;
import dev.steward.runtime.protocol.Ops.LongOps;
import java.util.concurrent.CompletableFuture;

/** The proxy of {@code steward.long}. */
final class LongProxy extends AbstractProxy implements SharedLong {
    private final Async async = new AsyncView();

    LongProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    public long get() {
        return callLong(LongOps.GET, "get");
    }

    @Override
    public void set(long value) {
        call(LongOps.SET, "set", value);
    }

    @Override
    public long getAndSet(long value) {
        return callLong(LongOps.GET_AND_SET, "getAndSet", value);
    }

    @Override
    public boolean compareAndSet(long expected, long value) {
        return callBoolean(LongOps.COMPARE_AND_SET, "compareAndSet", expected, value);
    }

    @Override
    public long incrementAndGet() {
        return addAndGet(1);
    }

    @Override
    public long decrementAndGet() {
        return addAndGet(-1);
    }

    @Override
    public long getAndIncrement() {
        return getAndAdd(1);
    }

    @Override
    public long getAndDecrement() {
        return getAndAdd(-1);
    }

    @Override
    public long addAndGet(long delta) {
        return callLong(LongOps.ADD_AND_GET, "addAndGet", delta);
    }

    @Override
    public long getAndAdd(long delta) {
        return callLong(LongOps.GET_AND_ADD, "getAndAdd", delta);
    }

    @Override
    public Async async() {
        return async;
    }

    @Override
    public String toString() {
        return showOrClosed(() -> Long.toString(get()));
    }

    private final class AsyncView implements Async {
        @Override
        public CompletableFuture<Long> get() {
            return asyncLong(LongOps.GET, "get");
        }

        @Override
        public CompletableFuture<Void> set(long value) {
            return async(LongOps.SET, "set", value);
        }

        @Override
        public CompletableFuture<Long> addAndGet(long delta) {
            return asyncLong(LongOps.ADD_AND_GET, "addAndGet", delta);
        }

        @Override
        public CompletableFuture<Long> incrementAndGet() {
            return addAndGet(1);
        }

        @Override
        public CompletableFuture<Boolean> compareAndSet(long expected, long value) {
            return async(LongOps.COMPARE_AND_SET, "compareAndSet", expected, value);
        }
    }
}
