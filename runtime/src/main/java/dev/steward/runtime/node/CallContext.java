package dev.steward.runtime.node;

import dev.steward.NotSendableException;
import dev.steward.SharedObject;
import dev.steward.UnknownObjectException;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.codec.Ref;
import dev.steward.runtime.managed.ManagedType;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link NodeContext} of one call on a managed object: resolves references among the
 * arguments, hosts returned objects, and holds a reference to each returned object until the
 * answer carrying it has been sent.
 */
final class CallContext implements NodeContext {
    private final UserObjects host;
    private List<HostedObject> held;

    CallContext(UserObjects host) {
        this.host = host;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T managed(Object[] args, int index, Class<?> type) {
        Object a = args[index];
        if (a == null) {
            return null;
        }
        if (a instanceof UserObject u && type.isInstance(u.instance())) {
            return (T) u.instance();
        }
        throw NodeCalls.mismatch(args, index, "a proxy of " + type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object[] args, int index, Class<?> type) {
        Object a = args[index];
        if (a == null) {
            return null;
        }
        if (a instanceof HostedObject o) {
            Object proxy = host.loopback()
                    .proxies()
                    .adopt(List.of(new Ref(o.id(), o.typeName())))
                    .get(0);
            if (type.isInstance(proxy)) {
                return (T) proxy;
            }
            ((SharedObject) proxy).close();
        }
        throw NodeCalls.mismatch(args, index, "a " + type.getSimpleName());
    }

    @Override
    public Object reference(Object instance, Class<?> declared) {
        if (instance == null) {
            return null;
        }
        ManagedType<?> type = host.typeOf(declared);
        return hold(host.host(type, instance));
    }

    @Override
    public Object sharedReference(Object proxy) {
        if (proxy == null) {
            return null;
        }
        if (!(proxy instanceof ProxySupport p)) {
            throw new NotSendableException("a " + proxy.getClass().getName() + " is not a shared object");
        }
        ProxyHandle h = p.proxyHandle();
        if (!host.node().nodeId().equals(h.connection().nodeId())) {
            throw new NotSendableException("the result is a proxy of " + h + " on the node at "
                    + h.connection().address() + ", not on this node; only this node's objects can be returned");
        }
        HostedObject o = host.node().find(h.objectId());
        if (o == null || !o.retain()) {
            throw new UnknownObjectException("the result refers to object " + h + ", which was freed");
        }
        return hold(o);
    }

    private HostedObject hold(HostedObject o) {
        if (held == null) {
            held = new ArrayList<>(2);
        }
        held.add(o);
        return o;
    }

    /** Releases what the call held; its answer has been sent. */
    void done() {
        if (held != null) {
            List<HostedObject> h = held;
            held = null;
            for (HostedObject o : h) {
                o.release(1);
            }
        }
    }
}
