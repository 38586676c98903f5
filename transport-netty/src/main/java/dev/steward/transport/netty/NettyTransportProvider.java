package dev.steward.transport.netty;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code tcp://host:port} addresses over Netty: epoll where Linux has it, the JDK's NIO
 * elsewhere. Frames travel as a 4-byte big-endian length followed by the bytes. All servers and
 * connections of a process share one small event-loop group per I/O implementation.
 *
 * <p>Options read from {@link TransportConfig#options()}: {@code netty.transport} ({@code nio},
 * {@code epoll} or {@code auto}), {@code netty.connectTimeoutMs} (default 5000), {@code
 * netty.maxQueuedBytes} (outgoing bytes a peer may leave unread before its connection is closed,
 * default 64 MiB) and {@code netty.closeTimeoutMs} (how long {@code close()} lets queued frames
 * leave, default 5000).
 *
 * <p>{@link #listen} and {@link #connect} block until the socket is bound or connected, so they
 * must not be called from a listener callback, which runs on an event loop.
 */
public final class NettyTransportProvider extends TransportProvider {
    private static final URI DEFAULT_ADDRESS = URI.create("tcp://127.0.0.1:0");

    /** Called by {@link java.util.ServiceLoader}. */
    public NettyTransportProvider() {}

    @Override
    public String name() {
        return "netty-tcp";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(TcpAddress.SCHEME);
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public URI defaultAddress() {
        return DEFAULT_ADDRESS;
    }

    @Override
    public ServerTransport listen(URI address, TransportConfig config, ConnectionAcceptor acceptor) throws IOException {
        Objects.requireNonNull(acceptor, "acceptor");
        TcpAddress where = TcpAddress.parse(Objects.requireNonNull(address, "address"));
        NettySettings settings = NettySettings.from(Objects.requireNonNull(config, "config"));
        refuseOnLoopThread("listen");
        try {
            return NettyServerTransport.bind(where, settings, acceptor);
        } catch (UnknownHostException e) {
            throw new IOException("cannot listen on " + where + ": unknown host " + where.host(), e);
        }
    }

    @Override
    public TransportConnection connect(URI address, TransportConfig config, FrameListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        TcpAddress where = TcpAddress.parse(Objects.requireNonNull(address, "address"));
        NettySettings settings = NettySettings.from(Objects.requireNonNull(config, "config"));
        refuseOnLoopThread("connect");
        if (where.port() == 0) {
            throw new IllegalArgumentException("no port in " + address);
        }
        InetSocketAddress remote;
        try {
            remote = where.resolve();
        } catch (UnknownHostException e) {
            throw new IOException("cannot connect to " + where + ": unknown host " + where.host(), e);
        }
        if (settings.directClient()) {
            return DirectTcpConnection.connect(remote, where.toString(), settings, listener);
        }
        SharedEventLoops.Lease lease = SharedEventLoops.acquire(settings.kind());
        ChannelFuture connected = new Bootstrap()
                .group(lease.group())
                .channel(settings.kind().channelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        NettyConnection connection = new NettyConnection(channel, settings, where.toString());
                        connection.terminationFuture().whenComplete((ignored, failure) -> lease.release());
                        channel.attr(NettyConnection.KEY).set(connection);
                        channel.pipeline()
                                .addLast(
                                        new FrameDecoder(settings.maxFrameBytes()),
                                        FrameEncoder.INSTANCE,
                                        new ConnectionHandler(connection, listener));
                    }
                })
                .connect(remote);
        try {
            // Netty fails the connect at the timeout; the margin only guards against a stalled loop.
            if (!connected.await(settings.connectTimeoutMillis() + 1_000L, TimeUnit.MILLISECONDS)) {
                throw new IOException("cannot connect to " + where + ": no answer within "
                        + settings.connectTimeoutMillis() + " ms (" + NettySettings.CONNECT_TIMEOUT_MS + ")");
            }
            if (!connected.isSuccess()) {
                Throwable cause = connected.cause();
                throw new IOException("cannot connect to " + where + ": " + cause.getMessage(), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(connected, lease);
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while connecting to " + where);
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException e) {
            abandon(connected, lease);
            throw e;
        }
        // Read from the channel, not the pipeline: a peer that hangs up at once empties the pipeline.
        return connected.channel().attr(NettyConnection.KEY).get();
    }

    private static void abandon(ChannelFuture connected, SharedEventLoops.Lease lease) {
        connected.cancel(false);
        connected.channel().close();
        // A channel that never connected never ends its connection, so its lease is freed here;
        // releasing a lease twice is harmless.
        lease.release();
    }

    private static void refuseOnLoopThread(String operation) {
        if (SharedEventLoops.onLoopThread()) {
            throw new IllegalStateException(operation + "() waits for the network and was called on a Netty event-loop"
                    + " thread (from a listener callback?); call it from another thread");
        }
    }
}
