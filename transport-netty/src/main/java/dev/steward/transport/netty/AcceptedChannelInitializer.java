package dev.steward.transport.netty;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets up each accepted channel: asks the acceptor for its listener and builds the pipeline. Shared
 * by all of a server's channels; it keeps the set of live connections so the server can close them.
 */
final class AcceptedChannelInitializer extends ChannelInitializer<Channel> {
    private static final Logger LOG = System.getLogger(AcceptedChannelInitializer.class.getName());

    private final NettySettings settings;
    private final ConnectionAcceptor acceptor;
    private final SharedEventLoops.Lease serverLease;
    private final Set<NettyConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    AcceptedChannelInitializer(
            NettySettings settings, ConnectionAcceptor acceptor, SharedEventLoops.Lease serverLease) {
        this.settings = settings;
        this.acceptor = acceptor;
        this.serverLease = serverLease;
    }

    @Override
    protected void initChannel(Channel channel) {
        // Each connection holds the group too, so it can finish closing after the server is gone.
        SharedEventLoops.Lease lease = closed ? null : serverLease.retain();
        if (lease == null) {
            channel.close();
            return;
        }
        NettyConnection connection =
                new NettyConnection(channel, settings, TcpAddress.describe(channel.remoteAddress()));
        // Registered before the acceptor sees it, so that a server closed meanwhile waits for it.
        connections.add(connection);
        connection.terminationFuture().whenComplete((ignored, failure) -> {
            connections.remove(connection);
            lease.release();
        });
        FrameListener listener;
        try {
            listener = acceptor.accept(connection);
            if (listener == null) {
                throw new NullPointerException("the acceptor returned no listener");
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, () -> "accepting " + connection.peer() + " failed; closing it", e);
            channel.close();
            // No handler will see this channel end, so end the connection here.
            connection.deactivated();
            connection.terminated();
            return;
        }
        channel.pipeline()
                .addLast(
                        new FrameDecoder(settings.maxFrameBytes()),
                        FrameEncoder.INSTANCE,
                        new ConnectionHandler(connection, listener));
        // Re-checked after registering so that a concurrent closeAll() cannot miss this connection.
        if (closed) {
            connection.close();
        }
    }

    /**
     * Stops accepting and closes every live connection after its queued frames.
     *
     * @return the connections that were live
     */
    List<NettyConnection> closeAll() {
        closed = true;
        List<NettyConnection> live = List.copyOf(connections);
        live.forEach(NettyConnection::close);
        return live;
    }
}
