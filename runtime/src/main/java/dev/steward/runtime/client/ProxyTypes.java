package dev.steward.runtime.client;

import dev.steward.SharedObject;
import dev.steward.runtime.protocol.Ops;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes the proxy for a type name. Built-in types are known here; other modules register theirs.
 * A type this JVM does not know gets a {@link GenericProxy}, which can still be stored, passed on
 * and closed.
 */
public final class ProxyTypes {
    private static final Map<String, Function<ProxyHandle, SharedObject>> FACTORIES = new ConcurrentHashMap<>();

    static {
        FACTORIES.put(Ops.ListOps.TYPE, ListProxy::new);
        FACTORIES.put(Ops.MapOps.TYPE, MapProxy::new);
        FACTORIES.put(Ops.SetOps.TYPE, SetProxy::new);
        FACTORIES.put(Ops.NamespaceOps.TYPE, NamespaceProxy::new);
        FACTORIES.put(Ops.ValueOps.TYPE, ValueProxy::new);
        FACTORIES.put(Ops.LongOps.TYPE, LongProxy::new);
        FACTORIES.put(Ops.QueueOps.TYPE, QueueProxy::new);
        FACTORIES.put(Ops.QueueOps.JOINABLE_TYPE, JoinableQueueProxy::new);
        FACTORIES.put(Ops.EventOps.TYPE, EventProxy::new);
        FACTORIES.put(Ops.LockOps.TYPE, LockProxy::new);
        FACTORIES.put(Ops.LockOps.REENTRANT_TYPE, LockProxy::new);
        FACTORIES.put(Ops.ConditionOps.TYPE, ConditionProxy::new);
        FACTORIES.put(Ops.SemaphoreOps.TYPE, SemaphoreProxy::new);
        FACTORIES.put(Ops.SemaphoreOps.BOUNDED_TYPE, SemaphoreProxy::new);
        FACTORIES.put(Ops.BarrierOps.TYPE, BarrierProxy::new);
    }

    private ProxyTypes() {}

    /**
     * Registers the proxy factory of a type.
     *
     * @param typeName the node's type name
     * @param factory makes a proxy around a handle
     */
    public static void register(String typeName, Function<ProxyHandle, SharedObject> factory) {
        FACTORIES.put(typeName, factory);
    }

    static SharedObject create(ProxyHandle handle) {
        Function<ProxyHandle, SharedObject> f = FACTORIES.get(handle.typeName());
        return f == null ? new GenericProxy(handle) : f.apply(handle);
    }
}
