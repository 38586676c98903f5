package dev.steward.benchmarks.raw;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The raw Netty TCP floor: a length-prefixed 64-byte echo, written the way Steward's client and node
 * use Netty (an event loop on each side, TCP_NODELAY, the caller waiting on a future, looking at
 * it for up to 50 µs before it parks, as Steward's callers do), with nothing of Steward in it. The server runs in the harness JVM; the client in a JVM of its own.
 */
public final class RawNettyEcho implements AutoCloseable {
    private static final int PAYLOAD = 64;
    private final EventLoopGroup group;
    private final Channel server;

    private RawNettyEcho(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    static IoHandlerFactory ioFactory() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    static Class<? extends ServerChannel> serverChannelClass() {
        return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * Starts the echo server on an ephemeral loopback port.
     *
     * @return the server
     * @throws InterruptedException if interrupted
     */
    public static RawNettyEcho start() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, ioFactory());
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(serverChannelClass())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 16, 0, 4, 0, 0));
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ctx.write(msg);
                            }

                            @Override
                            public void channelReadComplete(ChannelHandlerContext ctx) {
                                ctx.flush();
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return new RawNettyEcho(group, server);
    }

    /**
     * Returns the port.
     *
     * @return the port clients connect to
     */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Looks at a future for up to 50 µs (spins, then yields) before the caller parks in join. */
    private static void awaitBriefly(CompletableFuture<Object> f) {
        long deadline = System.nanoTime() + 50_000;
        for (int i = 0; !f.isDone(); i++) {
            if (i < 64) {
                Thread.onSpinWait();
            } else if (System.nanoTime() - deadline > 0) {
                return;
            } else {
                Thread.yield();
            }
        }
    }

    /**
     * The client, in its own JVM: prints {@code RESULT <p50 us> <p99 us> <p99.9 us>}.
     *
     * @param args the port and the number of round trips
     * @throws Exception if the server cannot be reached
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, ioFactory());
        AtomicReference<CompletableFuture<Object>> reply = new AtomicReference<>();
        Channel c = new Bootstrap()
                .group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 16, 0, 4, 0, 0));
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ((ByteBuf) msg).release();
                                reply.get().complete(Boolean.TRUE);
                            }
                        });
                    }
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int round = 0; round < 2; round++) {
            h.reset();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                CompletableFuture<Object> f = new CompletableFuture<>();
                reply.set(f);
                ByteBuf b = c.alloc().buffer(4 + PAYLOAD);
                b.writeInt(PAYLOAD).writeZero(PAYLOAD);
                c.writeAndFlush(b);
                awaitBriefly(f);
                f.join();
                h.recordValue(System.nanoTime() - t);
            }
        }
        RoundTrips.printResult(h);
        c.close().sync();
        group.shutdownGracefully(0, 100, java.util.concurrent.TimeUnit.MILLISECONDS)
                .sync();
    }
}
