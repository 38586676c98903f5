package dev.steward.runtime;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.NodeStatus;
import dev.steward.ProcessLauncher;
import dev.steward.SharedBarrier;
import dev.steward.SharedCondition;
import dev.steward.SharedEvent;
import dev.steward.SharedJoinableQueue;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import dev.steward.SharedObject;
import dev.steward.SharedQueue;
import dev.steward.SharedSemaphore;
import dev.steward.SharedSet;
import dev.steward.SharedValue;
import dev.steward.StewardException;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.managed.ManagedCalls;
import dev.steward.runtime.node.Node;
import dev.steward.runtime.process.ProcessLauncherImpl;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A {@link Manager}: a client connection, and the node itself when this JVM hosts it. */
final class ManagerImpl implements Manager {
    private final ClientConnection connection;
    private final Node node;
    /** Where other processes reach the node: known at once, or when the node's listener is up. */
    private final CompletableFuture<String> address;
    /** The address asked for, for messages. */
    private final String requested;

    private final byte[] authKey;
    private final Map<String, String> childSettings;

    ManagerImpl(
            ClientConnection connection,
            Node node,
            CompletableFuture<String> address,
            String requested,
            byte[] authKey,
            Map<String, String> childSettings) {
        this.connection = connection;
        this.node = node;
        this.address = address;
        this.requested = requested;
        this.authKey = authKey.clone();
        this.childSettings = Map.copyOf(childSettings);
    }

    ClientConnection connection() {
        return connection;
    }

    @Override
    public String address() {
        try {
            return address.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StewardException(
                    "the node could not listen on " + requested + " for other processes: " + cause.getMessage()
                            + "; to choose where it listens, start it with Manager.builder().address(...)",
                    cause);
        }
    }

    @Override
    public byte[] authKey() {
        return authKey.clone();
    }

    @Override
    public boolean hostsNode() {
        return node != null;
    }

    /**
     * Creates an object on the node.
     *
     * @param type the type name
     * @param args constructor arguments
     * @param <T> the proxy type
     * @return the proxy
     */
    @SuppressWarnings("unchecked")
    <T> T create(String type, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = type;
        System.arraycopy(args, 0, all, 1, args.length);
        return (T) connection.callSync(Protocol.NODE_OBJECT, Ops.Node.CREATE, "create " + type, all);
    }

    @Override
    public <P> P create(Class<?> managedClass, Object... args) {
        return ManagedCalls.create(connection, Objects.requireNonNull(managedClass, "managedClass"), args);
    }

    @Override
    public <E> SharedList<E> list() {
        return create(Ops.ListOps.TYPE);
    }

    @Override
    public <E> SharedList<E> list(Collection<? extends E> initial) {
        return create(Ops.ListOps.TYPE, new ArrayList<>(initial));
    }

    @Override
    public <K, V> SharedMap<K, V> map() {
        return create(Ops.MapOps.TYPE);
    }

    @Override
    public <K, V> SharedMap<K, V> map(Map<? extends K, ? extends V> initial) {
        return create(Ops.MapOps.TYPE, new LinkedHashMap<>(initial));
    }

    @Override
    public <E> SharedSet<E> set() {
        return create(Ops.SetOps.TYPE);
    }

    @Override
    public <E> SharedSet<E> set(Collection<? extends E> initial) {
        return create(Ops.SetOps.TYPE, new ArrayList<>(initial));
    }

    @Override
    public Namespace namespace() {
        return create(Ops.NamespaceOps.TYPE);
    }

    @Override
    public Namespace namespace(Map<String, ?> initial) {
        return create(Ops.NamespaceOps.TYPE, new LinkedHashMap<>(initial));
    }

    @Override
    public <T> SharedValue<T> value(T initial) {
        return create(Ops.ValueOps.TYPE, initial);
    }

    @Override
    public SharedLong longValue(long initial) {
        return create(Ops.LongOps.TYPE, initial);
    }

    @Override
    public <E> SharedQueue<E> queue() {
        return create(Ops.QueueOps.TYPE);
    }

    @Override
    public <E> SharedQueue<E> queue(int capacity) {
        return create(Ops.QueueOps.TYPE, capacity);
    }

    @Override
    public <E> SharedJoinableQueue<E> joinableQueue() {
        return create(Ops.QueueOps.JOINABLE_TYPE);
    }

    @Override
    public <E> SharedJoinableQueue<E> joinableQueue(int capacity) {
        return create(Ops.QueueOps.JOINABLE_TYPE, capacity);
    }

    @Override
    public SharedEvent event() {
        return create(Ops.EventOps.TYPE);
    }

    @Override
    public SharedLock lock() {
        return create(Ops.LockOps.TYPE);
    }

    @Override
    public SharedLock lock(boolean fair) {
        return create(Ops.LockOps.TYPE, fair);
    }

    @Override
    public SharedLock reentrantLock() {
        return create(Ops.LockOps.REENTRANT_TYPE);
    }

    @Override
    public SharedLock reentrantLock(boolean fair) {
        return create(Ops.LockOps.REENTRANT_TYPE, fair);
    }

    @Override
    public SharedCondition condition(SharedLock lock) {
        return create(Ops.ConditionOps.TYPE, Objects.requireNonNull(lock, "lock"));
    }

    @Override
    public SharedSemaphore semaphore(int permits) {
        return create(Ops.SemaphoreOps.TYPE, permits);
    }

    @Override
    public SharedSemaphore boundedSemaphore(int permits) {
        return create(Ops.SemaphoreOps.BOUNDED_TYPE, permits);
    }

    @Override
    public SharedBarrier barrier(int parties) {
        return create(Ops.BarrierOps.TYPE, parties);
    }

    @Override
    public void publish(String name, SharedObject object) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(object, "object");
        connection.callSync(Protocol.NODE_OBJECT, Ops.Node.PUBLISH, "publish", name, object);
    }

    @Override
    public <T extends SharedObject> T lookup(String name, Class<T> type) {
        Object found = connection.callSync(Protocol.NODE_OBJECT, Ops.Node.LOOKUP, "lookup", name);
        if (!type.isInstance(found)) {
            String actual = found instanceof SharedObject s ? s.typeName() : String.valueOf(found);
            throw new ClassCastException(
                    "the object published as '" + name + "' is a " + actual + ", not a " + type.getSimpleName());
        }
        return type.cast(found);
    }

    @Override
    public boolean unpublish(String name) {
        return (Boolean) connection.callSync(Protocol.NODE_OBJECT, Ops.Node.UNPUBLISH, "unpublish", name);
    }

    @Override
    public ProcessLauncher process(Class<?> mainClass) {
        return new ProcessLauncherImpl(mainClass, address(), authKey, connection, childSettings);
    }

    @Override
    public ManagedProcess spawn(Class<?> mainClass, Object... args) {
        return process(mainClass).args(args).start();
    }

    @Override
    @SuppressWarnings("unchecked")
    public NodeStatus nodeStatus() {
        Map<String, Object> m =
                (Map<String, Object>) connection.callSync(Protocol.NODE_OBJECT, Ops.Node.STATUS, "status");
        return new NodeStatus(
                (String) m.get("nodeId"),
                ((Number) m.get("objects")).intValue(),
                ((Number) m.get("sessions")).intValue(),
                (Set<String>) m.get("published"),
                ((Number) m.get("waiters")).intValue(),
                ((Number) m.get("threads")).intValue());
    }

    @Override
    public void awaitClose() throws InterruptedException {
        try {
            connection.closedFuture().get();
        } catch (ExecutionException e) {
            // closed either way
        }
    }

    @Override
    public void close() {
        connection.close();
        if (node != null) {
            // a listener that is still coming up is closed with the node, not left behind
            address.handle((ok, failed) -> null).join();
            node.close();
        }
    }

    /**
     * Returns the node this manager hosts.
     *
     * @return the node, or {@code null}
     */
    Node node() {
        return node;
    }

    List<Object> adopt(List<dev.steward.runtime.codec.Ref> refs) {
        return connection.proxies().adopt(refs);
    }

    @Override
    public String toString() {
        String where = address.isDone() && !address.isCompletedExceptionally() ? address.join() : requested;
        return "Manager[" + where + (node != null ? ", hosting the node" : "") + "]";
    }
}
