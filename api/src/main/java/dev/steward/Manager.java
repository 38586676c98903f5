package dev.steward;

import dev.steward.spi.ManagedRegistration;
import dev.steward.spi.ManagerFactory;
import dev.steward.spi.ManagerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A connection to a manager node, and the factory of its shared objects (Python's {@code
 * multiprocessing.Manager}).
 *
 * <p>{@link #start()} starts a node inside this JVM on the default transport (the one with the
 * highest priority among those on the class path) and connects to it; other processes reach it
 * through {@link #address()} and {@link #authKey()}, or are started by {@link #spawn} with both
 * handed over. {@link #connect(String, byte[])} reaches a node that runs elsewhere. With Guice,
 * inject {@code Manager} instead (see the runtime's Guice modules).
 *
 * <pre>{@code
 * try (Manager manager = Manager.start()) {
 *     SharedList<String> shopping = manager.list();
 *     manager.spawn(AddFruits.class, shopping).join();
 *     System.out.println(shopping);
 * }
 * }</pre>
 *
 * <p>Closing a manager that {@linkplain #start() started} its node stops the node: every object is
 * freed and every other client's calls fail with {@link ConnectionLostException}. Closing a
 * manager that {@linkplain #connect connected} only ends this process's connection, which releases
 * everything it held (references, and in time its locks and permits).
 *
 * <p>Managers and the proxies they make are thread-safe.
 */
public interface Manager extends AutoCloseable {

    /**
     * Starts a node in this JVM on the default transport with a fresh random auth key, and
     * connects to it. It returns as soon as this JVM can use the node; the node's listener for other
     * processes comes up in the background, and {@link #address()} and {@link #spawn} wait for it
     * (they throw {@link StewardException} if it could not listen).
     *
     * @return the manager; close it to stop the node
     * @throws NoTransportException if no transport module is on the class path
     */
    static Manager start() {
        return builder().start();
    }

    /**
     * Connects to a running node.
     *
     * @param address the node's address, such as {@code tcp://10.0.0.5:50000} or {@code aeron:ipc}
     * @param authKey the node's auth key
     * @return the manager; close it to disconnect
     * @throws AuthenticationException if the key is wrong
     * @throws ConnectionLostException if the node cannot be reached
     */
    static Manager connect(String address, byte[] authKey) {
        return builder().address(address).authKey(authKey).connect();
    }

    /**
     * Returns a builder for a manager with non-default settings.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the address other processes connect to. For a node started without an address
     * ({@link #start()}), it waits until the node listens.
     *
     * @return a URI string such as {@code tcp://127.0.0.1:41234}
     * @throws StewardException if the node, started without an address, could not listen
     */
    String address();

    /**
     * Returns a copy of the node's auth key, to hand to processes that {@link #connect} by
     * themselves. Keep it secret: it grants full access to every object on the node.
     *
     * @return the key
     */
    byte[] authKey();

    /**
     * Tells whether this manager runs the node in this JVM.
     *
     * @return {@code true} if made by {@link #start()}, {@code false} if by {@link #connect}
     */
    boolean hostsNode();

    /**
     * Creates an empty shared list.
     *
     * @param <E> the element type
     * @return a proxy for the new list
     */
    <E> SharedList<E> list();

    /**
     * Creates a shared list holding copies of some elements.
     *
     * @param initial the elements
     * @param <E> the element type
     * @return a proxy for the new list
     */
    <E> SharedList<E> list(Collection<? extends E> initial);

    /**
     * Creates an empty shared map.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return a proxy for the new map
     */
    <K, V> SharedMap<K, V> map();

    /**
     * Creates a shared map holding copies of some entries.
     *
     * @param initial the entries
     * @param <K> the key type
     * @param <V> the value type
     * @return a proxy for the new map
     */
    <K, V> SharedMap<K, V> map(Map<? extends K, ? extends V> initial);

    /**
     * Creates an empty shared set.
     *
     * @param <E> the element type
     * @return a proxy for the new set
     */
    <E> SharedSet<E> set();

    /**
     * Creates a shared set holding copies of some elements.
     *
     * @param initial the elements
     * @param <E> the element type
     * @return a proxy for the new set
     */
    <E> SharedSet<E> set(Collection<? extends E> initial);

    /**
     * Creates an empty namespace.
     *
     * @return a proxy for the new namespace
     */
    Namespace namespace();

    /**
     * Creates a namespace with initial attributes.
     *
     * @param initial attribute names and values
     * @return a proxy for the new namespace
     */
    Namespace namespace(Map<String, ?> initial);

    /**
     * Creates a shared value.
     *
     * @param initial its first value (may be {@code null})
     * @param <T> the value type
     * @return a proxy for the new value
     */
    <T> SharedValue<T> value(T initial);

    /**
     * Creates a shared {@code long} counter.
     *
     * @param initial its first value
     * @return a proxy for the new counter
     */
    SharedLong longValue(long initial);

    /**
     * Creates an unbounded shared queue.
     *
     * @param <E> the element type
     * @return a proxy for the new queue
     */
    <E> SharedQueue<E> queue();

    /**
     * Creates a bounded shared queue.
     *
     * @param capacity the most elements it holds; {@code put} waits beyond it
     * @param <E> the element type
     * @return a proxy for the new queue
     */
    <E> SharedQueue<E> queue(int capacity);

    /**
     * Creates an unbounded joinable queue.
     *
     * @param <E> the element type
     * @return a proxy for the new queue
     */
    <E> SharedJoinableQueue<E> joinableQueue();

    /**
     * Creates a bounded joinable queue.
     *
     * @param capacity the most elements it holds
     * @param <E> the element type
     * @return a proxy for the new queue
     */
    <E> SharedJoinableQueue<E> joinableQueue(int capacity);

    /**
     * Creates an event, initially clear.
     *
     * @return a proxy for the new event
     */
    SharedEvent event();

    /**
     * Creates a plain (non-reentrant) lock, like Python's {@code Lock}. It is {@linkplain
     * SharedLock#isFair() fair}: its waiters get it first come, first served.
     *
     * @return a proxy for the new lock
     */
    SharedLock lock();

    /**
     * Creates a plain (non-reentrant) lock, fair or not. A lock that is not fair may go back to a
     * thread that releases it and asks again at once, ahead of the waiters (as Python's lock and
     * {@code new ReentrantLock()} may), which makes a lock that several processes take in a loop
     * several times faster; see {@link SharedLock}.
     *
     * @param fair {@code false} to let a returning releaser take the lock back ahead of waiters
     * @return a proxy for the new lock
     */
    SharedLock lock(boolean fair);

    /**
     * Creates a reentrant lock, like Python's {@code RLock}; {@linkplain SharedLock#isFair() fair},
     * like {@link #lock()}.
     *
     * @return a proxy for the new lock
     */
    SharedLock reentrantLock();

    /**
     * Creates a reentrant lock, fair or not, as {@link #lock(boolean)}.
     *
     * @param fair {@code false} to let a returning releaser take the lock back ahead of waiters
     * @return a proxy for the new lock
     */
    SharedLock reentrantLock(boolean fair);

    /**
     * Creates a condition bound to a lock; the same as {@code lock.newCondition()}.
     *
     * @param lock the lock
     * @return a proxy for the new condition
     */
    SharedCondition condition(SharedLock lock);

    /**
     * Creates a counting semaphore.
     *
     * @param permits the initial permits
     * @return a proxy for the new semaphore
     */
    SharedSemaphore semaphore(int permits);

    /**
     * Creates a semaphore that refuses to be released beyond its initial permits.
     *
     * @param permits the initial (and largest) number of permits
     * @return a proxy for the new semaphore
     */
    SharedSemaphore boundedSemaphore(int permits);

    /**
     * Creates a cyclic barrier.
     *
     * @param parties how many participants each round waits for
     * @return a proxy for the new barrier
     */
    SharedBarrier barrier(int parties);

    /**
     * Creates an object of a managed class on the node: the node runs the class's public
     * constructor that accepts the arguments, and the caller gets a proxy (Python's {@code
     * manager.Counter(...)}). The class is either annotated {@link Managed} (the proxy is the
     * generated {@code Counter_Proxy}; its typed {@code Counter_Proxy.create(manager, ...)}
     * factories do the same with the constructor chosen at compile time) or registered at run time
     * with {@link Builder#registerManaged(Class, Class)} (the proxy implements the registered
     * interface).
     *
     * <pre>{@code
     * Counter_Proxy counter = manager.create(Counter.class);
     * ThirdPartyApi tool = manager.create(ThirdParty.class, "config");
     * }</pre>
     *
     * @param managedClass the class to instantiate on the node
     * @param args the constructor arguments; shared objects travel as references
     * @param <P> the proxy type: {@code Counter_Proxy}, or the interface registered for the class
     * @return a proxy for the new object; it also implements {@link SharedObject}
     * @throws IllegalArgumentException if the class is neither {@code @Managed} (compiled with
     *     Steward's annotation processor) nor registered, or no public constructor, or more than
     *     one, accepts the arguments
     * @throws RemoteInvocationException if the constructor threw on the node
     */
    <P> P create(Class<?> managedClass, Object... args);

    /**
     * Publishes an object under a name, so that any process can {@link #lookup} it. The name holds
     * a reference: the object lives at least until {@link #unpublish}. Publishing a name again
     * replaces the earlier object.
     *
     * @param name the name
     * @param object the shared object
     */
    void publish(String name, SharedObject object);

    /**
     * Finds a published object.
     *
     * @param name the name
     * @param type the proxy type expected, such as {@code SharedList.class}
     * @param <T> the proxy type
     * @return a proxy for the object
     * @throws NoSuchElementException if nothing is published under that name
     * @throws ClassCastException if the object is of another type
     */
    <T extends SharedObject> T lookup(String name, Class<T> type);

    /**
     * Finds a published object, typed by the caller (unchecked, like a cast): {@code
     * SharedList<String> shopping = manager.lookup("shopping");}.
     *
     * @param name the name
     * @param <T> the proxy type the caller expects
     * @return a proxy for the object
     * @throws NoSuchElementException if nothing is published under that name
     * @throws ClassCastException where the result is used as a type it is not
     */
    @SuppressWarnings("unchecked")
    default <T extends SharedObject> T lookup(String name) {
        return (T) lookup(name, SharedObject.class);
    }

    /**
     * Removes a published name (the object lives on while others refer to it).
     *
     * @param name the name
     * @return {@code true} if the name was published
     */
    boolean unpublish(String name);

    /**
     * Starts a child JVM that runs a main class with some arguments (Python's {@code
     * Process(target=..., args=...)}). Shared objects among the arguments arrive as working
     * proxies; other values arrive as copies.
     *
     * <p>The entry point is the main class's public static method named {@code main} whose
     * parameters accept the arguments, optionally preceded by a {@link Manager} parameter that
     * receives the child's connection; failing that, {@code main(String[])} when every argument is
     * a {@code String}. For example {@code spawn(AddFruits.class, shoppingList)} runs {@code public
     * static void main(SharedList<String> list)}.
     *
     * <p>The child's standard output and error are inherited. Its exit code is 0 when the entry
     * method returns, 1 when it throws (the stack trace goes to standard error).
     *
     * @param mainClass the class to run
     * @param args its arguments
     * @return the running process
     */
    default ManagedProcess spawn(Class<?> mainClass, Object... args) {
        return process(mainClass).args(args).start();
    }

    /**
     * Returns a launcher for a child JVM, to set JVM options, its name or its output before {@link
     * ProcessLauncher#start()}.
     *
     * @param mainClass the class to run; see {@link #spawn} for its entry point
     * @return a new launcher
     */
    ProcessLauncher process(Class<?> mainClass);

    /**
     * Asks the node for its current state.
     *
     * @return a snapshot of the node's counters
     */
    NodeStatus nodeStatus();

    /**
     * Blocks until this manager is closed, or its node stops (Python's {@code serve_forever()}).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitClose() throws InterruptedException;

    /**
     * Closes the manager. If it hosts the node, the node stops and frees everything; otherwise this
     * process's connection ends and the node releases what it held. Idempotent.
     */
    @Override
    void close();

    /**
     * Settings for a manager. Every setter returns the builder; {@link #start()} or {@link
     * #connect()} finish it.
     *
     * <p><b>What can be sent.</b> Without registration: {@code null}, booleans, every primitive
     * wrapper, {@code String}, {@code byte[]} and other primitive arrays, {@code UUID}, {@code
     * BigInteger}, {@code BigDecimal}, the {@code java.time} value types ({@code Instant}, {@code
     * Duration}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime},
     * {@code ZonedDateTime}, {@code ZoneId}, {@code Period}, ...), {@code List}, {@code Set}, {@code
     * Map}, object arrays of these, and shared objects. Records and enums can be sent as well, and a
     * JVM that sends one registers its type for itself; a JVM that receives one it has never sent
     * must have {@linkplain #register(Class...) registered} the type (or its {@linkplain
     * #allowPackage(String) package}), because Steward never loads a class that a message names.
     * Anything else needs a {@link TypeAdapter}.
     */
    final class Builder {
        private String address;
        private byte[] authKey;
        private final List<Class<?>> types = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();
        private final List<TypeAdapter<?>> adapters = new ArrayList<>();
        private final List<ManagedRegistration> managed = new ArrayList<>();
        private int maxFrameBytes = ManagerSettings.DEFAULT_MAX_FRAME_BYTES;
        private Duration heartbeat = ManagerSettings.DEFAULT_HEARTBEAT;
        private Duration lease = ManagerSettings.DEFAULT_LEASE;
        private String name = "steward";
        private final Map<String, String> options = new LinkedHashMap<>();

        Builder() {}

        /**
         * Sets the address: where {@link #start()} listens, or what {@link #connect()} reaches.
         * Port 0 picks a free port. By default a started node listens on its transport's default,
         * such as {@code tcp://127.0.0.1:0}.
         *
         * @param address a URI such as {@code tcp://0.0.0.0:50000}, {@code aeron:ipc} or {@code
         *     aeron:udp?endpoint=10.0.0.5:40123}
         * @return this builder
         */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets the auth key. A started node generates 32 random bytes by default; {@link
         * #connect()} falls back to the {@code STEWARD_AUTHKEY} environment variable (hex or
         * base64), which spawned children inherit.
         *
         * @param key the key, at least one byte
         * @return this builder
         */
        public Builder authKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length == 0) {
                throw new IllegalArgumentException("the auth key must not be empty");
            }
            this.authKey = key.clone();
            return this;
        }

        /**
         * Registers record or enum types, so that this JVM can receive them.
         *
         * @param types record or enum classes
         * @return this builder
         * @throws IllegalArgumentException if a type is neither a record nor an enum (use a {@link
         *     TypeAdapter})
         */
        public Builder register(Class<?>... types) {
            for (Class<?> type : types) {
                if (!type.isRecord() && !type.isEnum()) {
                    throw new IllegalArgumentException(
                            type.getName() + " is neither a record nor an enum: register a TypeAdapter for it instead");
                }
                this.types.add(type);
            }
            return this;
        }

        /**
         * Registers an adapter for a type that is neither a record nor an enum.
         *
         * @param adapter the adapter
         * @return this builder
         */
        public Builder register(TypeAdapter<?> adapter) {
            adapters.add(Objects.requireNonNull(adapter, "adapter"));
            return this;
        }

        /**
         * Makes a class that cannot be annotated {@link Managed} usable as a managed class, with
         * the methods of an interface as its exposed methods (Python's {@code
         * BaseManager.register(typeid, callable, exposed=[...])}). The class need not implement
         * the interface: each abstract method of the interface must match a public instance method
         * of the class by name and parameter types, with a return type the interface's accepts.
         * {@link Manager#create(Class, Object...)} then runs the class's constructor on the node
         * and returns a proxy, made at run time, that implements the interface and {@link
         * SharedObject}; calls run one at a time per object, as for {@code @Managed} classes.
         *
         * <p>An interface method may return {@code CompletableFuture<T>} where the class method
         * returns {@code T}: that call does not wait. A parameter or return type that is another
         * registered interface, or a shared type, travels as a reference. The node needs the
         * class; the other JVMs need only the interface. Spawned children inherit the
         * registration.
         *
         * <pre>{@code
         * public interface ScaleApi { double weigh(String item); }   // ThirdPartyScale has weigh(String)
         *
         * Manager manager = Manager.builder().registerManaged(ThirdPartyScale.class, ScaleApi.class).start();
         * ScaleApi scale = manager.create(ThirdPartyScale.class);
         * }</pre>
         *
         * @param type the class to host on the node
         * @param api the interface whose methods are exposed
         * @return this builder
         * @throws IllegalArgumentException if {@code api} is not an interface, or {@code type} is
         *     an interface, an abstract class, or annotated {@link Managed}
         */
        public Builder registerManaged(Class<?> type, Class<?> api) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(api, "api");
            if (!api.isInterface() || api.isAnnotation()) {
                throw new IllegalArgumentException(
                        api.getName() + " is not an interface: registerManaged needs the interface that lists the"
                                + " methods of " + type.getName() + " to expose");
            }
            if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException(
                        type.getName() + " cannot be instantiated on the node: register a concrete class");
            }
            if (type.isAnnotationPresent(Managed.class)) {
                throw new IllegalArgumentException(type.getName() + " is @Managed already: use its generated proxy ("
                        + type.getSimpleName() + "_Proxy) and do not register it at run time");
            }
            managed.add(new ManagedRegistration(type, api));
            return this;
        }

        /**
         * Lets this JVM receive every record and enum in a package and its sub-packages. The class
         * is loaded (without running its static initializer) only if its name is in the package,
         * and used only if it turns out to be a record or enum.
         *
         * @param packageName a package name such as {@code com.example.model}
         * @return this builder
         */
        public Builder allowPackage(String packageName) {
            packages.add(Objects.requireNonNull(packageName, "packageName"));
            return this;
        }

        /**
         * Sets the largest frame, in bytes, the node accepts and sends (16 MiB by default). A call
         * whose encoding is larger fails on the sender with {@link NotSendableException}.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxFrameBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + bytes);
            }
            this.maxFrameBytes = bytes;
            return this;
        }

        /**
         * Sets how often an idle connection sends a heartbeat (1 second by default).
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder heartbeat(Duration interval) {
            this.heartbeat = positive(interval, "heartbeat");
            return this;
        }

        /**
         * Sets how long a peer may stay silent before its connection is declared dead and
         * everything it held is released (10 seconds by default). Connections whose transport
         * reports a drop (such as a TCP reset when a process dies) are released at once,
         * regardless of the lease.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = positive(lease, "lease");
            return this;
        }

        /**
         * Names this manager in thread names and diagnostics.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets a transport-specific option (see each transport module's documentation).
         *
         * @param key the option
         * @param value its value
         * @return this builder
         */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts a node in this JVM and connects to it. With an {@linkplain #address address}, it
         * returns once the node listens there, and throws if it cannot; without one, as {@link
         * Manager#start()}, it returns as soon as this JVM can use the node and the listener comes
         * up in the background.
         *
         * @return the manager; closing it stops the node
         * @throws StewardException if the node cannot listen on the address given
         * @throws NoTransportException if no transport serves the address
         */
        public Manager start() {
            return factory().start(settings());
        }

        /**
         * Connects to a running node at {@link #address(String)}.
         *
         * @return the manager; closing it disconnects
         * @throws IllegalStateException if no address was set
         * @throws AuthenticationException if the key is wrong
         * @throws ConnectionLostException if the node cannot be reached
         */
        public Manager connect() {
            if (address == null) {
                throw new IllegalStateException("connect() needs an address: call address(\"tcp://host:port\") first");
            }
            return factory().connect(settings());
        }

        private ManagerSettings settings() {
            return new ManagerSettings(
                    address,
                    authKey,
                    types,
                    packages,
                    adapters,
                    maxFrameBytes,
                    heartbeat,
                    lease,
                    name,
                    options,
                    managed);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        private static ManagerFactory factory() {
            Iterator<ManagerFactory> it = ServiceLoader.load(ManagerFactory.class, Manager.class.getClassLoader())
                    .iterator();
            try {
                if (it.hasNext()) {
                    return it.next();
                }
            } catch (ServiceConfigurationError e) {
                throw new StewardException("the Steward runtime on the class path is broken: " + e.getMessage(), e);
            }
            throw new NoTransportException("The Steward runtime is not on the class path. Add a transport module,"
                    + " which brings it: dev.steward:steward-transport-netty (TCP) or"
                    + " dev.steward:steward-transport-aeron (IPC and UDP).");
        }
    }
}
