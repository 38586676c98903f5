package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An instance of a managed class hosted by the node. Calls are checked on the transport thread
 * (selector, argument count) and run on a worker thread: one at a time in arrival order by
 * default, or as they come for a concurrent class. An inline class's calls run on the thread that
 * delivers them (a transport thread, or the caller's own for the embedded manager), one at a time
 * under a lock unless the class is concurrent too. Arguments are decoded to real records and enums
 * ({@link #opaqueValues()} is {@code false}).
 */
final class UserObject extends HostedObject {
    private final ManagedType<?> type;
    private final ManagedDispatcher<Object> dispatcher;
    private final Object instance;
    private final UserObjects host;
    /** Where calls run; {@code null} for an inline class. */
    private final Executor executor;
    /** One inline call at a time; {@code null} unless the class is inline and not concurrent. */
    private final ReentrantLock inlineLock;

    @SuppressWarnings("unchecked")
    UserObject(ManagedType<?> type, Object instance, UserObjects host) {
        this.type = type;
        this.dispatcher = (ManagedDispatcher<Object>) type.dispatcher();
        this.instance = instance;
        this.host = host;
        if (type.inline()) {
            this.executor = null;
            this.inlineLock = type.concurrent() ? null : new ReentrantLock();
        } else {
            this.executor = type.concurrent() ? Workers.pool() : new SerialExecutor(Workers.pool());
            this.inlineLock = null;
        }
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
        if (executor != null) {
            executor.execute(() -> run(call, index));
        } else if (inlineLock == null) {
            run(call, index);
        } else {
            inlineLock.lock();
            try {
                run(call, index);
            } finally {
                inlineLock.unlock();
            }
        }
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
