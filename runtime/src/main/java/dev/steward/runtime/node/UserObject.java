package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.concurrent.Executor;

/**
 * An instance of a managed class hosted by the node. Calls are checked on the transport thread
 * (selector, argument count) and run on a worker thread: one at a time in arrival order by
 * default, or as they come for a concurrent class. Arguments are decoded to real records and enums
 * ({@link #opaqueValues()} is {@code false}).
 */
final class UserObject extends HostedObject {
    private final ManagedType<?> type;
    private final ManagedDispatcher<Object> dispatcher;
    private final Object instance;
    private final UserObjects host;
    private final Executor executor;

    @SuppressWarnings("unchecked")
    UserObject(ManagedType<?> type, Object instance, UserObjects host) {
        this.type = type;
        this.dispatcher = (ManagedDispatcher<Object>) type.dispatcher();
        this.instance = instance;
        this.host = host;
        this.executor = type.concurrent() ? Workers.pool() : new SerialExecutor(Workers.pool());
    }

    ManagedType<?> type() {
        return type;
    }

    Object instance() {
        return instance;
    }

    @Override
    public String typeName() {
        return type.typeName();
    }

    @Override
    public boolean opaqueValues() {
        return false;
    }

    @Override
    public void invoke(Call call) {
        int index = type.index(call.method(), type.methods().size(), "exposed method");
        ManagedType.ExposedMethod m = type.methods().get(index);
        if (call.args().length != m.parameterCount()) {
            throw new UnknownMethodException(type.typeName() + "." + m.signature() + " takes " + m.parameterCount()
                    + " argument(s), but the call has " + call.args().length);
        }
        executor.execute(() -> run(call, index));
    }

    private void run(Call call, int index) {
        CallContext context = host.context();
        Object result;
        try {
            result = dispatcher.invoke(instance, index, call.args(), context);
        } catch (Throwable t) {
            context.done();
            call.fail(t);
            return;
        }
        try {
            call.reply(result);
        } finally {
            context.done();
        }
    }

    @Override
    protected void onFree() {
        host.forget(this);
    }
}
