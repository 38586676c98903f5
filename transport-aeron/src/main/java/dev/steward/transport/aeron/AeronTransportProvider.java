package dev.steward.transport.aeron;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Serves {@code aeron:ipc} (shared memory between the processes of one host) and {@code
 * aeron:udp?endpoint=host:port} (UDP, across hosts) through Aeron.
 *
 * <p>A node starts an embedded media driver in a directory of its own under {@code /dev/shm} (or
 * uses a standalone driver named by the {@code aeron.dir} option) and reports an address that
 * names what a client needs: for IPC the driver's directory and the node's stream, so that a child
 * JVM spawned with that address finds the driver by itself. Each client publishes to the node's
 * request stream and names, in its first record, a reply stream of its own; see {@link Wire}.
 *
 * <p>Priority 200, above Netty's 100: with both transports on the class path, {@code
 * Manager.start()} uses {@code aeron:ipc}, since adding this module asks for its microsecond calls
 * between the processes of one host; an address with {@code tcp://} still picks Netty. Options
 * (from the manager's options or the address): see {@link AeronSettings} and the module's README.
 *
 * <p>{@link #listen} and {@link #connect} wait for the media driver, so they must not be called on
 * the {@code steward-aeron} thread, where listener callbacks run.
 */
public final class AeronTransportProvider extends TransportProvider {
    /** Higher than Netty's 100: see the class comment. */
    static final int PRIORITY = 200;

    private static final URI DEFAULT_ADDRESS = URI.create("aeron:ipc");

    /** Called by {@link java.util.ServiceLoader}. */
    public AeronTransportProvider() {}

    @Override
    public String name() {
        return "aeron";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(AeronAddress.SCHEME);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public URI defaultAddress() {
        return DEFAULT_ADDRESS;
    }

    @Override
    public ServerTransport listen(URI address, TransportConfig config, ConnectionAcceptor acceptor) throws IOException {
        Objects.requireNonNull(acceptor, "acceptor");
        AeronAddress where = AeronAddress.parse(Objects.requireNonNull(address, "address"));
        AeronSettings settings = AeronSettings.from(Objects.requireNonNull(config, "config"), where);
        refuseOnAgentThread("listen");
        JvmAccess.check();
        DriverLink link = settings.directory() != null
                ? DriverLink.forDirectory(Path.of(settings.directory()), settings)
                : DriverLink.embedded(settings);
        AeronServer server = new AeronServer(link, settings, where, acceptor);
        link.agent().execute(server::start);
        server.awaitBound();
        return server;
    }

    @Override
    public TransportConnection connect(URI address, TransportConfig config, FrameListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        AeronAddress where = AeronAddress.parse(Objects.requireNonNull(address, "address"));
        AeronSettings settings = AeronSettings.from(Objects.requireNonNull(config, "config"), where);
        refuseOnAgentThread("connect");
        JvmAccess.check();
        OutgoingConnection connection;
        if (where.media() == AeronAddress.Media.IPC) {
            if (settings.directory() == null || where.stream() == null) {
                throw new IllegalArgumentException("cannot connect to '" + address + "': a client of aeron:ipc needs"
                        + " the node's media driver directory and stream, which the address the node reports names"
                        + " (Manager.address(), such as aeron:ipc?stream=1234&aeron.dir=/dev/shm/steward-aeron-...)");
            }
            DriverLink link = DriverLink.forDirectory(Path.of(settings.directory()), settings);
            connection = new OutgoingConnection(link, settings, where.toString(), null, where.stream(), null, listener);
            link.agent().execute(connection::start);
        } else {
            AeronAddress.HostPort node = where.hostPort();
            if (node.port() == 0) {
                throw new IllegalArgumentException("cannot connect to '" + address + "': the endpoint needs the node's"
                        + " port (the address the node reports has it)");
            }
            InetAddress host;
            try {
                host = node.isWildcard() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(node.host());
            } catch (UnknownHostException e) {
                throw new IOException("cannot connect to " + address + ": unknown host " + node.host(), e);
            }
            String requestEndpoint = new AeronAddress.HostPort(host.getHostAddress(), node.port()).toString();
            String replyHost = localAddressToward(host, node.port());
            DriverLink link = settings.directory() != null
                    ? DriverLink.forDirectory(Path.of(settings.directory()), settings)
                    : DriverLink.embedded(settings);
            int stream = where.stream() != null ? where.stream() : Channels.DEFAULT_UDP_STREAM;
            connection = new OutgoingConnection(
                    link, settings, where.toString(), requestEndpoint, stream, replyHost, listener);
            link.agent().execute(connection::start);
        }
        connection.awaitConnected();
        return connection;
    }

    /** The address of this host that a peer at {@code remote} can send UDP to. */
    private static String localAddressToward(InetAddress remote, int port) throws IOException {
        if (remote.isLoopbackAddress()) {
            return remote.getHostAddress();
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(remote, port);
            InetAddress local = socket.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        }
        return InetAddress.getLocalHost().getHostAddress();
    }

    private static void refuseOnAgentThread(String operation) {
        if (TransportAgent.onAnyAgentThread()) {
            throw new IllegalStateException(operation + "() waits for the media driver and was called on the"
                    + " steward-aeron thread (from a listener callback?); call it from another thread");
        }
    }
}
