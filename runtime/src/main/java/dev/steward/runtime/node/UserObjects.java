package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.client.ClientSettings;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed objects of one node: creates them on worker threads, hosts each user instance once
 * (an identity map: the same instance returned twice is the same hosted object), and gives user
 * code on the node proxies of shared objects through a loopback connection to the node itself.
 */
public final class UserObjects {
    private final Node node;
    private final Map<Class<?>, ManagedType<?>> byClass = new HashMap<>();

    /** The hosted objects of each user instance, one per managed type it was hosted as; guarded by itself. */
    private final Map<Object, List<UserObject>> identity = new IdentityHashMap<>();

    private ClientConnection loopback;

    private UserObjects(Node node, List<ManagedType<?>> types) {
        this.node = node;
        for (ManagedType<?> t : types) {
            if (t.type() != null) {
                byClass.put(t.type(), t);
            }
        }
    }

    /**
     * Lets a node create objects of managed classes.
     *
     * @param node the node
     * @param types the managed classes, as {@link dev.steward.runtime.managed.ManagedTypes#install}
     *     returned them (those known only by their proxies are skipped)
     * @return the node's managed objects
     */
    public static UserObjects install(Node node, List<ManagedType<?>> types) {
        UserObjects objects = new UserObjects(node, types);
        for (ManagedType<?> t : objects.byClass.values()) {
            node.registerType(t.typeName(), (DeferredObjectFactory) (n, args, call) -> objects.create(t, args, call));
        }
        return objects;
    }

    Node node() {
        return node;
    }

    CallContext context() {
        return new CallContext(this);
    }

    ManagedType<?> typeOf(Class<?> declared) {
        ManagedType<?> t = byClass.get(declared);
        if (t == null) {
            throw new IllegalStateException(declared.getName() + " is not a managed class on this node");
        }
        return t;
    }

    /** Checks a CREATE on the transport thread, then runs the constructor on a worker. */
    private void create(ManagedType<?> type, Object[] args, Call call) {
        if (args.length < 1 || !(args[0] instanceof Integer selector)) {
            throw new UnknownMethodException("creating a " + type.typeName() + " takes a constructor selector first:"
                    + " use the generated proxy's create(...) or Manager.create(Class, ...)");
        }
        int index = type.index(selector, type.constructors().size(), "public constructor");
        Object[] constructorArgs = Arrays.copyOfRange(args, 1, args.length);
        int expected = type.constructors().get(index).size();
        if (constructorArgs.length != expected) {
            throw new UnknownMethodException("constructor " + index + " of " + type.typeName() + " takes " + expected
                    + " argument(s), but the call has " + constructorArgs.length);
        }
        @SuppressWarnings("unchecked")
        ManagedDispatcher<Object> dispatcher = (ManagedDispatcher<Object>) type.dispatcher();
        Workers.pool().execute(() -> {
            CallContext context = context();
            UserObject created = null;
            try {
                Object instance = dispatcher.construct(index, constructorArgs, context);
                created = host(type, instance);
            } catch (Throwable t) {
                context.done();
                call.fail(t);
                return;
            }
            try {
                call.reply(created);
            } finally {
                created.release(1);
                context.done();
            }
        });
    }

    /**
     * Hosts a user instance as a type, or finds it hosted already; retained once for the caller.
     */
    UserObject host(ManagedType<?> type, Object instance) {
        synchronized (identity) {
            List<UserObject> hosted = identity.get(instance);
            if (hosted != null) {
                for (UserObject u : hosted) {
                    if (u.type() == type && u.retain()) {
                        return u;
                    }
                }
            }
            UserObject u = new UserObject(type, instance, this);
            identity.computeIfAbsent(instance, k -> new ArrayList<>(1)).add(u);
            node.host(u);
            return u;
        }
    }

    void forget(UserObject u) {
        synchronized (identity) {
            List<UserObject> hosted = identity.get(u.instance());
            if (hosted != null && hosted.remove(u) && hosted.isEmpty()) {
                identity.remove(u.instance());
            }
        }
    }

    /** A client connection from the node to itself, through the in-process transport. */
    synchronized ClientConnection loopback() {
        if (loopback == null || loopback.isClosed()) {
            try {
                URI name = URI.create("local://steward-loopback-" + node.nodeId() + "-" + System.nanoTime());
                TransportProvider local = new TransportRegistry(List.of()).forAddress(name);
                URI address = node.listen(local, name);
                loopback = ClientConnection.open(
                        local,
                        address,
                        node.authKey(),
                        new ClientSettings(node.registry(), node.maxFrameBytes(), "node-loopback", Map.of()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect the node to itself", e);
            }
        }
        return loopback;
    }
}
