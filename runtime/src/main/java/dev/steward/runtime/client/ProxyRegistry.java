package dev.steward.runtime.client;

import dev.steward.NotSendableException;
import dev.steward.SharedObject;
import dev.steward.runtime.codec.Ref;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live proxies of one connection, by object id. Decoding the same object twice gives the same
 * proxy while it is reachable, and every reference the node hands over is counted on its handle.
 * Unreachable proxies release their references through a {@link Cleaner}.
 */
public final class ProxyRegistry implements References {
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "steward-proxy-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final ClientConnection connection;
    private final ConcurrentHashMap<Long, Entry> live = new ConcurrentHashMap<>();

    ProxyRegistry(ClientConnection connection) {
        this.connection = connection;
    }

    @Override
    public Ref refOf(Object value) {
        if (!(value instanceof ProxySupport p)) {
            return null;
        }
        ProxyHandle h = p.proxyHandle();
        if (h.connection() != connection
                && !connection.nodeId().equals(h.connection().nodeId())) {
            throw new NotSendableException("a proxy of " + h + " belongs to the node at "
                    + h.connection().address() + "; it cannot be sent to the node at " + connection.address());
        }
        if (h.isClosed()) {
            throw new NotSendableException("the proxy of " + h + " was closed; a closed proxy cannot be sent");
        }
        return h.ref();
    }

    @Override
    public Object resolve(Ref ref) {
        Object[] out = new Object[1];
        live.compute(ref.objectId(), (id, e) -> {
            if (e != null) {
                SharedObject existing = e.proxy.get();
                if (existing != null && e.handle.addReceived()) {
                    out[0] = existing;
                    return e;
                }
            }
            ProxyHandle handle = new ProxyHandle(connection, ref);
            SharedObject proxy = ProxyTypes.create(handle);
            handle.cleanable(CLEANER.register(proxy, handle::releaseAll));
            out[0] = proxy; // held strongly until returned: the entry only keeps a weak reference
            return new Entry(proxy, handle);
        });
        return out[0];
    }

    /**
     * Takes over references that reached this process outside a node answer (a spawned child's
     * arguments): asks the node to count them for this connection, then makes the proxies.
     *
     * @param refs the references
     * @return proxies, in order
     */
    public List<Object> adopt(List<Ref> refs) {
        List<Long> ids = new ArrayList<>(refs.size());
        for (Ref r : refs) {
            ids.add(r.objectId());
        }
        if (!ids.isEmpty()) {
            connection.callSync(Protocol.NODE_OBJECT, Ops.Node.ACQUIRE, "acquire", ids);
        }
        List<Object> out = new ArrayList<>(refs.size());
        for (Ref r : refs) {
            out.add(resolve(r));
        }
        return out;
    }

    void forget(ProxyHandle handle) {
        live.computeIfPresent(handle.objectId(), (id, e) -> e.handle == handle ? null : e);
    }

    /**
     * Counts the live proxies.
     *
     * @return the count
     */
    public int size() {
        return live.size();
    }

    private static final class Entry {
        final WeakReference<SharedObject> proxy;
        final ProxyHandle handle;

        Entry(SharedObject proxy, ProxyHandle handle) {
            this.proxy = new WeakReference<>(proxy);
            this.handle = handle;
        }
    }
}
