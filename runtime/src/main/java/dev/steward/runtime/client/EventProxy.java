package dev.steward.runtime.client;

import dev.steward.SharedEvent;
import dev.steward.runtime.protocol.Ops.EventOps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The proxy of {@code steward.event}. */
final class EventProxy extends AbstractProxy implements SharedEvent {
    private final Async async = new AsyncView();

    EventProxy(ProxyHandle handle) {
        super(handle);
    }

    /** A wait that ended as it was cancelled changed nothing: the interrupt wins. */
    private static final ProxyHandle.RaceHandler INTERRUPT = (result, interrupt) -> {
        throw interrupt;
    };

    @Override
    public void set() {
        call(EventOps.SET, "set");
    }

    @Override
    public void clear() {
        call(EventOps.CLEAR, "clear");
    }

    @Override
    public boolean isSet() {
        return callBoolean(EventOps.IS_SET, "isSet");
    }

    @Override
    public void await() throws InterruptedException {
        handle.callInterruptibly(EventOps.AWAIT, "await", INTERRUPT, -1L);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return (Boolean) handle.callInterruptibly(EventOps.AWAIT, "await", INTERRUPT, Math.max(0, timeout.toNanos()));
    }

    @Override
    public Async async() {
        return async;
    }

    @Override
    public String toString() {
        return showOrClosed(() -> "SharedEvent[" + (isSet() ? "set" : "clear") + "]");
    }

    private final class AsyncView implements Async {
        @Override
        public CompletableFuture<Void> await() {
            return async(EventOps.AWAIT, "await", -1L).thenApply(x -> null);
        }

        @Override
        public CompletableFuture<Boolean> await(Duration timeout) {
            return async(EventOps.AWAIT, "await", Math.max(0, timeout.toNanos()));
        }

        @Override
        public CompletableFuture<Void> set() {
            return async(EventOps.SET, "set");
        }
    }
}
