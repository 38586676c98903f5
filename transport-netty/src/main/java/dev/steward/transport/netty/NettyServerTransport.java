package dev.steward.transport.netty;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.ServerTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A listening socket and the connections it accepted. */
final class NettyServerTransport implements ServerTransport {
    private static final Logger LOG = System.getLogger(NettyServerTransport.class.getName());
    /** How long close() lets connections flush before it closes them outright. */
    private static final long GRACEFUL_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
    /** How long close() then waits for the outright closes to finish. */
    private static final long FORCED_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final URI address;
    private final Channel serverChannel;
    private final SharedEventLoops.Lease lease;
    private final AcceptedChannelInitializer initializer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyServerTransport(
            URI address, Channel serverChannel, SharedEventLoops.Lease lease, AcceptedChannelInitializer initializer) {
        this.address = address;
        this.serverChannel = serverChannel;
        this.lease = lease;
        this.initializer = initializer;
    }

    /**
     * Binds a listening socket. Must not be called on an event loop.
     *
     * @param where the address; port 0 for an ephemeral one
     * @param settings limits and options
     * @param acceptor called for every new connection
     * @return the server
     * @throws IOException if the address cannot be bound
     */
    static NettyServerTransport bind(TcpAddress where, NettySettings settings, ConnectionAcceptor acceptor)
            throws IOException {
        InetSocketAddress local = where.resolve();
        SharedEventLoops.Lease lease = SharedEventLoops.acquire(settings.kind());
        AcceptedChannelInitializer initializer = new AcceptedChannelInitializer(settings, acceptor, lease);
        ChannelFuture bound = new ServerBootstrap()
                .group(lease.group())
                .channel(settings.kind().serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(initializer)
                .bind(local);
        try {
            if (!bound.await(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("cannot listen on " + where + ": bind did not finish within "
                        + settings.connectTimeoutMillis() + " ms");
            }
            if (!bound.isSuccess()) {
                Throwable cause = bound.cause();
                throw new IOException("cannot listen on " + where + ": " + cause.getMessage(), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bound.channel().close();
            lease.release();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while binding " + where);
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException e) {
            bound.channel().close();
            lease.release();
            throw e;
        }
        Channel channel = bound.channel();
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        return new NettyServerTransport(where.withPort(port).toUri(), channel, lease, initializer);
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<NettyConnection> live = initializer.closeAll();
        ChannelFuture unbound = serverChannel.close();
        unbound.addListener(done -> lease.release());
        if (SharedEventLoops.onLoopThread()) {
            // Waiting here would stall the very loop that does the closing.
            return;
        }
        CompletableFuture<?>[] ends =
                live.stream().map(NettyConnection::terminationFuture).toArray(CompletableFuture<?>[]::new);
        CompletableFuture<Void> all = CompletableFuture.allOf(ends);
        long deadline = System.nanoTime() + GRACEFUL_CLOSE_NANOS;
        try {
            unbound.await(GRACEFUL_CLOSE_NANOS, TimeUnit.NANOSECONDS);
            awaitQuietly(all, deadline - System.nanoTime());
            if (!all.isDone()) {
                live.forEach(NettyConnection::closeNow);
                awaitQuietly(all, FORCED_CLOSE_NANOS);
                if (!all.isDone()) {
                    LOG.log(Level.WARNING, "server {0} closed, but some connections are still closing", address);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> future, long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        try {
            future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the caller looks at isDone()
        }
    }

    @Override
    public String toString() {
        return "NettyServerTransport[" + address + "]";
    }
}
