package dev.steward.runtime.transport;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process transport, {@code local://name}: a node and clients in one JVM, for unit tests.
 * Frames are copied, as on a real wire, and each end of a connection receives them on a thread of
 * its own, in order. It is not a {@link java.util.ServiceLoader} provider, so it is never picked
 * as the default: only a {@code local://} address reaches it.
 */
public final class LocalTransport extends TransportProvider {
    /** The URI scheme. */
    public static final String SCHEME = "local";

    static final LocalTransport INSTANCE = new LocalTransport();

    private static final Map<String, Server> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private LocalTransport() {}

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public URI defaultAddress() {
        return URI.create("local://steward");
    }

    @Override
    public ServerTransport listen(URI address, TransportConfig config, ConnectionAcceptor acceptor) throws IOException {
        String name = address.getAuthority();
        if (name == null || name.isEmpty()) {
            throw new IOException("a local address needs a name, as in local://my-node");
        }
        Server s = new Server(URI.create(SCHEME + "://" + name), acceptor, config);
        if (SERVERS.putIfAbsent(name, s) != null) {
            throw new IOException("local://" + name + " is already in use in this JVM");
        }
        return s;
    }

    @Override
    public TransportConnection connect(URI address, TransportConfig config, FrameListener listener) throws IOException {
        Server s = SERVERS.get(address.getAuthority());
        if (s == null) {
            throw new IOException("nothing listens on " + address + " in this JVM");
        }
        End client = new End("client", config.maxFrameBytes(), listener, address.toString());
        End server = new End("node", s.config.maxFrameBytes(), null, "local client");
        client.peer = server;
        server.peer = client;
        s.connections.add(server);
        server.listener = s.acceptor.accept(server);
        return client;
    }

    private static final class Server implements ServerTransport {
        final URI address;
        final ConnectionAcceptor acceptor;
        final TransportConfig config;
        final Set<End> connections = ConcurrentHashMap.newKeySet();

        Server(URI address, ConnectionAcceptor acceptor, TransportConfig config) {
            this.address = address;
            this.acceptor = acceptor;
            this.config = config;
        }

        @Override
        public URI address() {
            return address;
        }

        @Override
        public void close() {
            SERVERS.remove(address.getAuthority(), this);
            for (End e : connections) {
                e.close();
            }
        }
    }

    /** One end of a connection; frames sent here are delivered to the peer on the peer's thread. */
    private static final class End implements TransportConnection {
        final ExecutorService inbox;
        final int maxFrameBytes;
        final String describe;
        final AtomicBoolean open = new AtomicBoolean(true);
        volatile FrameListener listener;
        End peer;

        End(String role, int maxFrameBytes, FrameListener listener, String describe) {
            this.maxFrameBytes = maxFrameBytes;
            this.listener = listener;
            this.describe = describe;
            this.inbox = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "steward-local-" + role + "-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public boolean send(ByteBuffer frame) {
            if (!open.get()) {
                return false;
            }
            ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
            copy.put(frame.duplicate()).flip();
            return peer.deliver(copy);
        }

        boolean deliver(ByteBuffer frame) {
            try {
                inbox.execute(() -> {
                    if (frame.remaining() > maxFrameBytes) {
                        listener.onOversizedFrame(frame.remaining());
                    } else {
                        listener.onFrame(frame);
                    }
                });
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }

        @Override
        public void close() {
            shutdown();
            peer.shutdown();
        }

        private void shutdown() {
            if (open.compareAndSet(true, false)) {
                try {
                    inbox.execute(() -> listener.onClose(null));
                } catch (RejectedExecutionException ignored) {
                    // already stopped
                }
                inbox.shutdown();
            }
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public String peer() {
            return describe;
        }
    }
}
