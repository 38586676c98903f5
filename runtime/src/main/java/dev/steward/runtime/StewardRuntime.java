package dev.steward.runtime;

import dev.steward.Manager;
import dev.steward.StewardException;
import dev.steward.TypeAdapter;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.client.ClientSettings;
import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.runtime.managed.ManagedTypes;
import dev.steward.runtime.node.Node;
import dev.steward.runtime.node.UserObjects;
import dev.steward.runtime.protocol.Handshake;
import dev.steward.runtime.transport.DirectConnection;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.spi.ManagerFactory;
import dev.steward.spi.ManagerSettings;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The runtime's {@link ManagerFactory}, found by {@link java.util.ServiceLoader}: starts nodes and
 * connects clients with the transports on the class path.
 */
public final class StewardRuntime implements ManagerFactory {
    /** The environment variable {@link Manager#connect} falls back to for the auth key. */
    public static final String AUTHKEY_ENV = "STEWARD_AUTHKEY";

    /**
     * The option that decides how a started node's own manager reaches it: {@code direct} (the
     * default: in memory, no thread hand-off) or {@code transport} (through the node's transport,
     * like every other client).
     */
    public static final String EMBEDDED_CLIENT_OPTION = "steward.embeddedClient";

    private static final System.Logger LOG = System.getLogger(StewardRuntime.class.getName());

    private final TransportRegistry transports;

    /** Used by {@link java.util.ServiceLoader}: the transports on Steward's class path. */
    public StewardRuntime() {
        this(TransportRegistry.load());
    }

    /**
     * Creates a factory with a given set of transports.
     *
     * @param transports the transports
     */
    public StewardRuntime(TransportRegistry transports) {
        this.transports = transports;
    }

    @Override
    public Manager start(ManagerSettings settings) {
        URI address =
                settings.address() == null ? transports.defaultProvider().defaultAddress() : parse(settings.address());
        TransportProvider provider = transports.forAddress(address);
        byte[] key = settings.authKey() != null ? settings.authKey() : Handshake.newAuthKey();
        Node node = new Node(
                key,
                registry(settings),
                settings.maxFrameBytes(),
                settings.heartbeat(),
                settings.lease(),
                settings.name(),
                settings.options());
        boolean viaTransport = "transport".equals(settings.options().get(EMBEDDED_CLIENT_OPTION));
        // the transport binds on another thread while this one connects the manager to its node:
        // both load many classes the first time, and two cores do it in half the time
        CompletableFuture<URI> bind = new CompletableFuture<>();
        if (!viaTransport) {
            Thread binder = new Thread(
                    () -> {
                        try {
                            bind.complete(node.listen(provider, address));
                        } catch (Throwable t) {
                            bind.completeExceptionally(t);
                        }
                    },
                    "steward-node-start");
            binder.setDaemon(true);
            binder.start();
        }
        ClientConnection connection = null;
        try {
            UserObjects.install(node, ManagedTypes.install(settings));
            CompletableFuture<String> listening;
            if (viaTransport) {
                // through the node's transport like any other client (the conformance suite does
                // this, to test the transport with every call)
                URI bound = node.listen(provider, address);
                connection = ClientConnection.open(provider, reachable(bound), key, clientSettings(settings));
                listening = CompletableFuture.completedFuture(reachable(bound).toString());
            } else {
                // this JVM's own manager reaches its node directly: no socket, no thread hand-off
                connection = ClientConnection.open(
                        address,
                        listener -> DirectConnection.open(node::accept, c -> listener, settings.maxFrameBytes()),
                        key,
                        clientSettings(settings));
                if (settings.address() != null) {
                    // an address asked for: start() fails if the node cannot listen there
                    listening = CompletableFuture.completedFuture(
                            reachable(awaitBind(bind)).toString());
                } else {
                    // none: this JVM uses its node at once, and the listener for other processes
                    // comes up meanwhile; address() and spawn() wait for it
                    listening = bind.thenApply(u -> reachable(u).toString());
                    listening.whenComplete((ok, failed) -> {
                        if (failed != null) {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "the node could not listen on " + address + " for other processes; this JVM"
                                            + " can still use it",
                                    failed);
                        }
                    });
                }
            }
            return new ManagerImpl(connection, node, listening, address.toString(), key, childSettings(settings));
        } catch (IOException e) {
            abandon(connection, node);
            throw new StewardException("cannot start a node on " + address + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(connection, node);
            throw e;
        }
    }

    private static URI awaitBind(CompletableFuture<URI> bind) throws IOException {
        try {
            return bind.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static void abandon(ClientConnection connection, Node node) {
        if (connection != null) {
            connection.close();
        }
        node.close();
    }

    @Override
    public Manager connect(ManagerSettings settings) {
        URI address = parse(settings.address());
        byte[] key = settings.authKey() != null ? settings.authKey() : keyFromEnvironment();
        TransportProvider provider = transports.forAddress(address);
        ClientConnection connection = ClientConnection.open(provider, address, key, clientSettings(settings));
        return new ManagerImpl(
                connection,
                null,
                CompletableFuture.completedFuture(address.toString()),
                address.toString(),
                key,
                childSettings(settings));
    }

    private static byte[] keyFromEnvironment() {
        String env = System.getenv(AUTHKEY_ENV);
        if (env == null || env.isBlank()) {
            throw new IllegalStateException("connect() needs an auth key: pass one to Manager.connect(address, key)"
                    + " or authKey(...), or set the " + AUTHKEY_ENV + " environment variable (hex or base64)");
        }
        return decodeKey(env.trim());
    }

    /**
     * Decodes an auth key written as hex or base64.
     *
     * @param text the key
     * @return its bytes
     */
    public static byte[] decodeKey(String text) {
        if (text.length() % 2 == 0 && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the auth key is neither hex nor base64");
        }
    }

    /** The address clients use: a node bound to every interface is reached through loopback. */
    private static URI reachable(URI bound) {
        String host = bound.getHost();
        if (host == null || !(host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]"))) {
            return bound;
        }
        try {
            return new URI(
                    bound.getScheme(),
                    bound.getUserInfo(),
                    "127.0.0.1",
                    bound.getPort(),
                    bound.getPath(),
                    bound.getQuery(),
                    bound.getFragment());
        } catch (URISyntaxException e) {
            return bound;
        }
    }

    private static URI parse(String address) {
        try {
            return new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + address + "' is not a valid address: " + e.getMessage(), e);
        }
    }

    static TypeRegistry registry(ManagerSettings settings) {
        TypeRegistry r = new TypeRegistry(
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : StewardRuntime.class.getClassLoader());
        settings.types().forEach(r::register);
        settings.packages().forEach(r::allowPackage);
        for (TypeAdapter<?> a : settings.adapters()) {
            r.register(a);
        }
        ManagedTypes.registerValueTypes(r, ManagedTypes.install(settings));
        return r;
    }

    private static ClientSettings clientSettings(ManagerSettings settings) {
        return new ClientSettings(registry(settings), settings.maxFrameBytes(), settings.name(), settings.options());
    }

    /** Settings a spawned child's connection inherits. */
    private static Map<String, String> childSettings(ManagerSettings settings) {
        Map<String, String> m = new LinkedHashMap<>(settings.options());
        m.putAll(ManagedTypes.childOptions(settings));
        m.put("steward.maxFrameBytes", Integer.toString(settings.maxFrameBytes()));
        return m;
    }
}
