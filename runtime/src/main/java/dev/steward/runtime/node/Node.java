package dev.steward.runtime.node;

import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manager node: hosts shared objects, serves them to client sessions over any number of
 * transports, and frees each object when its last reference goes. A node never dies from what a
 * client sends: malformed input closes that client's session only.
 */
public final class Node implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Node.class.getName());

    private final String nodeId = UUID.randomUUID().toString();
    private final byte[] authKey;
    private final TypeRegistry registry;
    private final int maxFrameBytes;
    private final Duration heartbeat;
    private final Duration lease;
    private final String name;
    private final Map<String, String> options;

    private final AtomicLong nextObjectId = new AtomicLong(1);
    private final AtomicLong nextSessionId = new AtomicLong(1);
    private final Map<Long, HostedObject> table = new ConcurrentHashMap<>();
    private final Map<String, HostedObject> names = new ConcurrentHashMap<>();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectFactory> factories = new ConcurrentHashMap<>();
    private final List<ServerTransport> servers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final NodeObject self = new NodeObject();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger waiters = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;

    /**
     * Creates a node; it serves nothing until {@link #listen}.
     *
     * @param authKey the key clients must prove they hold
     * @param registry the types the node's user objects may receive
     * @param maxFrameBytes the frame limit
     * @param heartbeat how often idle sessions get a heartbeat
     * @param lease how long a silent client is trusted
     * @param name a name for threads and diagnostics
     * @param options transport options
     */
    public Node(
            byte[] authKey,
            TypeRegistry registry,
            int maxFrameBytes,
            Duration heartbeat,
            Duration lease,
            String name,
            Map<String, String> options) {
        this.authKey = authKey.clone();
        this.registry = registry;
        this.maxFrameBytes = maxFrameBytes;
        this.heartbeat = heartbeat;
        this.lease = lease;
        this.name = name;
        this.options = Map.copyOf(options);
        self.host(this, Protocol.NODE_OBJECT);
        table.put(Protocol.NODE_OBJECT, self);
        BuiltinTypes.register(this);
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "steward-node-timer-" + name);
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true); // timeouts of answered waiters leave the queue at once
        timer = t;
        long tick = Math.max(10, Math.min(250, heartbeat.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts serving on a transport.
     *
     * @param provider the transport
     * @param address where to listen
     * @return the address clients use
     * @throws IOException if the address cannot be bound
     */
    public URI listen(TransportProvider provider, URI address) throws IOException {
        TransportConfig config = new TransportConfig(maxFrameBytes, lease, name, options);
        ServerTransport server = provider.listen(address, config, this::accept);
        servers.add(server);
        return server.address();
    }

    /**
     * Attaches a connection to the node as a new client session (what a server transport does for
     * every accepted connection; also used by benchmarks that drive the node without a network).
     *
     * @param connection the connection
     * @return the listener for its frames
     */
    public FrameListener accept(TransportConnection connection) {
        Session s = new Session(this, connection, nextSessionId.getAndIncrement());
        if (closing) {
            s.refuse(Protocol.E_CLOSING, "the node is shutting down");
            return s;
        }
        sessions.add(s);
        return s;
    }

    /**
     * Registers how to create objects of a type.
     *
     * @param typeName the type name clients ask for
     * @param factory makes the objects
     */
    public void registerType(String typeName, ObjectFactory factory) {
        factories.put(typeName, factory);
    }

    void create(String typeName, Object[] args, Call call) {
        ObjectFactory factory = factories.get(typeName);
        if (factory == null) {
            throw new NoSuchElementException(
                    "this node cannot create objects of type '" + typeName + "': no such type is registered on it");
        }
        if (factory instanceof DeferredObjectFactory deferred) {
            deferred.createLater(this, args, call); // answers the call when the object exists
            return;
        }
        HostedObject o = host(factory.create(this, args));
        try {
            call.reply(o);
        } finally {
            o.release(1); // the creation reference: the client's hold now keeps it alive
        }
    }

    /**
     * Hosts a new object; it starts with one reference, owned by the caller.
     *
     * @param o the object
     * @return the object
     */
    public HostedObject host(HostedObject o) {
        long id = nextObjectId.getAndIncrement();
        o.host(this, id);
        table.put(id, o);
        if (closing) {
            free(o);
            throw new IllegalStateException("the node is shutting down");
        }
        return o;
    }

    HostedObject find(long id) {
        return table.get(id);
    }

    void free(HostedObject o) {
        if (table.remove(o.id(), o)) {
            try {
                o.onFree();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "freeing " + o + " failed", e);
            }
        }
    }

    void publish(String publishedName, HostedObject o) {
        if (!o.retain()) {
            throw new IllegalStateException(o + " was freed");
        }
        HostedObject old = names.put(publishedName, o);
        if (old != null) {
            old.release(1);
        }
    }

    /** Returns the object published under a name, retained once for the caller; or null. */
    HostedObject published(String publishedName) {
        HostedObject o = names.get(publishedName);
        return o != null && o.retain() ? o : null;
    }

    boolean unpublish(String publishedName) {
        HostedObject o = names.remove(publishedName);
        if (o == null) {
            return false;
        }
        o.release(1);
        return true;
    }

    void opened(Session s) {
        LOG.log(Level.DEBUG, () -> s + " authenticated");
    }

    void closed(Session s) {
        sessions.remove(s);
        LOG.log(Level.DEBUG, () -> s + " closed");
    }

    /**
     * Runs a task on the node's timer.
     *
     * @param delayNanos the delay
     * @param task the task
     * @return its handle, to cancel it
     */
    ScheduledFuture<?> schedule(long delayNanos, Runnable task) {
        return timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs a task soon on the node's timer thread, outside any object's monitor.
     *
     * @param task the task
     */
    void execute(Runnable task) {
        try {
            timer.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run(); // the node is closing; nothing else will run it
        }
    }

    void waiterCount(int delta) {
        waiters.addAndGet(delta);
    }

    /**
     * Counts the calls parked on the node.
     *
     * @return the count
     */
    public int waiterCount() {
        return waiters.get();
    }

    Map<String, Object> statusMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeId", nodeId);
        m.put("objects", objectCount());
        m.put("sessions", sessionCount());
        m.put("published", new TreeSet<>(names.keySet()));
        m.put("waiters", waiters.get());
        m.put(
                "threads",
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
        return m;
    }

    /**
     * Counts the hosted objects (not counting the node itself).
     *
     * @return the count
     */
    public int objectCount() {
        return table.size() - 1;
    }

    /**
     * Counts the authenticated sessions.
     *
     * @return the count
     */
    public int sessionCount() {
        int n = 0;
        for (Session s : sessions) {
            if (s.isOpen()) {
                n++;
            }
        }
        return n;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            long leaseNanos = lease.toNanos();
            for (Session s : sessions) {
                if (s.handshakeExpired(now)) {
                    s.refuse(
                            Protocol.E_AUTH,
                            "the handshake did not finish within " + Protocol.HANDSHAKE_TIMEOUT_MS + " ms");
                    continue;
                }
                if (s.heard) {
                    s.heard = false;
                    s.lastHeardNanos = now;
                } else if (now - s.lastHeardNanos > leaseNanos) {
                    LOG.log(Level.INFO, s + " was silent for longer than its lease of " + lease + "; releasing it");
                    s.refuse(
                            Protocol.E_LEASE,
                            "the node heard nothing from this client for longer than the lease (" + lease.toMillis()
                                    + " ms)");
                    continue;
                }
                if (s.isOpen() && !s.spoke) {
                    s.ping();
                }
                s.spoke = false;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node timer failed", e);
        }
    }

    /**
     * Returns the node's random id.
     *
     * @return the id
     */
    public String nodeId() {
        return nodeId;
    }

    byte[] authKey() {
        return authKey;
    }

    /**
     * Returns the registry for values of user objects.
     *
     * @return the registry
     */
    public TypeRegistry registry() {
        return registry;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    long heartbeatMillis() {
        return heartbeat.toMillis();
    }

    long leaseMillis() {
        return lease.toMillis();
    }

    /**
     * Returns the addresses the node listens on.
     *
     * @return the addresses
     */
    public List<URI> addresses() {
        List<URI> out = new ArrayList<>();
        for (ServerTransport s : servers) {
            out.add(s.address());
        }
        return out;
    }

    /**
     * Waits until the node is closed.
     *
     * @throws InterruptedException if interrupted
     */
    public void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    /**
     * Tells whether the node was closed.
     *
     * @return {@code true} once closing began
     */
    public boolean isClosed() {
        return closing;
    }

    /** Stops the node: tells every client, closes every connection, and frees every object. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (Session s : sessions) {
            s.refuse(Protocol.E_CLOSING, "the node " + name + " is shutting down");
        }
        for (ServerTransport s : servers) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing " + s.address() + " failed", e);
            }
        }
        names.clear();
        Collection<HostedObject> all = new ArrayList<>(table.values());
        table.clear();
        table.put(Protocol.NODE_OBJECT, self);
        for (HostedObject o : all) {
            if (o != self) {
                try {
                    o.onFree();
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "freeing " + o + " at shutdown failed", e);
                }
            }
        }
        timer.shutdownNow();
        closedLatch.countDown();
    }

    @Override
    public String toString() {
        return "node " + name + " " + addresses();
    }

    /** The factories of the built-in types. */
    private static final class BuiltinTypes {
        static void register(Node node) {
            node.registerType(
                    Ops.ListOps.TYPE, (n, a) -> new ListObject(a.length == 0 ? List.of() : asCollection(a[0])));
            node.registerType(Ops.SetOps.TYPE, (n, a) -> new SetObject(a.length == 0 ? List.of() : asCollection(a[0])));
            node.registerType(Ops.MapOps.TYPE, (n, a) -> new MapObject(a.length == 0 ? Map.of() : asMap(a[0])));
            node.registerType(
                    Ops.NamespaceOps.TYPE, (n, a) -> new NamespaceObject(a.length == 0 ? Map.of() : asMap(a[0])));
            node.registerType(Ops.ValueOps.TYPE, (n, a) -> new ValueObject(a.length == 0 ? null : a[0]));
            node.registerType(
                    Ops.LongOps.TYPE, (n, a) -> new LongObject(a.length == 0 ? 0 : ((Number) a[0]).longValue()));
            node.registerType(Ops.QueueOps.TYPE, (n, a) -> new QueueObject(intArg(a, Integer.MAX_VALUE), false));
            node.registerType(
                    Ops.QueueOps.JOINABLE_TYPE, (n, a) -> new QueueObject(intArg(a, Integer.MAX_VALUE), true));
            node.registerType(Ops.EventOps.TYPE, (n, a) -> new EventObject());
            node.registerType(Ops.LockOps.TYPE, (n, a) -> new LockObject(false, fairArg(a)));
            node.registerType(Ops.LockOps.REENTRANT_TYPE, (n, a) -> new LockObject(true, fairArg(a)));
            node.registerType(Ops.SemaphoreOps.TYPE, (n, a) -> new SemaphoreObject(intArg(a, 1), false));
            node.registerType(Ops.SemaphoreOps.BOUNDED_TYPE, (n, a) -> new SemaphoreObject(intArg(a, 1), true));
            node.registerType(Ops.BarrierOps.TYPE, (n, a) -> new BarrierObject(intArg(a, 1)));
            node.registerType(Ops.ConditionOps.TYPE, (n, a) -> {
                if (a.length != 1 || !(a[0] instanceof LockObject lock)) {
                    throw new IllegalArgumentException("a condition needs a shared lock");
                }
                return new ConditionObject(lock);
            });
        }

        private static boolean fairArg(Object[] a) {
            if (a.length == 0) {
                return true; // waiters first come, first served unless asked otherwise
            }
            if (a[0] instanceof Boolean fair) {
                return fair;
            }
            throw new IllegalArgumentException("expected a boolean argument (fair), not " + a[0]);
        }

        private static int intArg(Object[] a, int absent) {
            if (a.length == 0) {
                return absent;
            }
            if (a[0] instanceof Integer n) {
                return n;
            }
            throw new IllegalArgumentException("expected an int argument, not " + a[0]);
        }

        private static Collection<?> asCollection(Object o) {
            if (o instanceof Collection<?> c) {
                return c;
            }
            throw new IllegalArgumentException("expected a collection of initial elements");
        }

        private static Map<?, ?> asMap(Object o) {
            if (o instanceof Map<?, ?> m) {
                return m;
            }
            throw new IllegalArgumentException("expected a map of initial entries");
        }
    }
}
