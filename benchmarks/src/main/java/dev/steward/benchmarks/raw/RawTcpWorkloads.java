package dev.steward.benchmarks.raw;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw TCP floor of the two workloads that cross processes, {@code queue_roundtrips_s} and
 * {@code locked_increments_s}: a minimal server written directly on Netty (one event loop, as
 * Steward's node has) that keeps two queues of longs, one first-come-first-served lock and one
 * count, and clients on plain blocking sockets (each call writes 13 bytes and blocks in {@code
 * read} for the 12-byte answer, the way Python's manager's clients wait). Nothing of Steward is in
 * it: no codec, no object table, no proxies, no authentication. The workloads keep their shape,
 * every call a round trip: the queue client puts on A and takes from B while an echo process
 * takes from A and puts on B; each lock worker acquires, reads the count, writes count + 1 and
 * releases. What this reaches on a machine is what any framework over TCP can reach there with
 * these workloads, so it bounds Steward's figures on {@code netty-tcp} from above.
 *
 * <p>The server runs in the harness JVM; the echo, the queue client and each lock worker run in JVMs
 * of their own ({@link #main}).
 */
public final class RawTcpWorkloads implements RawWorkloadServer {
    private final EventLoopGroup group;
    private final Channel server;
    private final Server state;

    private RawTcpWorkloads(EventLoopGroup group, Channel server, Server state) {
        this.group = group;
        this.server = server;
        this.state = state;
    }

    /**
     * Starts the server on an ephemeral loopback port.
     *
     * @param workers how many lock workers the locked run waits for before it starts the clock
     * @return the server
     * @throws InterruptedException if interrupted
     */
    public static RawTcpWorkloads start(int workers) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, RawNettyEcho.ioFactory());
        Server state = new Server(workers);
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(RawNettyEcho.serverChannelClass())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(64, 0, 4, 0, 4));
                        ch.pipeline().addLast(state);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return new RawTcpWorkloads(group, server, state);
    }

    /** Returns the port clients connect to. */
    @Override
    public List<String> clientArgs() {
        return List.of(Integer.toString(((InetSocketAddress) server.localAddress()).getPort()));
    }

    @Override
    public double[] lockedResult(Duration timeout) throws Exception {
        return state.state.locked().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }

    /** The server's handler: everything runs on its one event loop. */
    @Sharable
    private static final class Server extends ChannelInboundHandlerAdapter {
        private final RawWorkloadState<Channel> state;

        Server(int workers) {
            state = new RawWorkloadState<>(workers, Server::answer);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            byte op = in.readByte();
            long arg = in.readLong();
            in.release();
            if (!state.onCall(ctx.channel(), op, arg)) {
                ctx.channel().close();
            }
        }

        private static void answer(Channel ch, long value) {
            ByteBuf out = ch.alloc().buffer(12);
            out.writeInt(8).writeLong(value);
            ch.writeAndFlush(out, ch.voidPromise());
        }
    }

    /** A blocking-socket client: one call at a time, the caller reads its own answer. */
    private static final class Client implements RawWorkloadState.Client, AutoCloseable {
        private final Socket socket;
        private final DataOutputStream out;
        private final DataInputStream in;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64));
        }

        @Override
        public long call(byte op, long arg) throws IOException {
            out.writeInt(9);
            out.writeByte(op);
            out.writeLong(arg);
            out.flush();
            if (in.readInt() != 8) {
                throw new IOException("bad answer");
            }
            return in.readLong();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * One client, in its own JVM: {@code <role> <count> <port>}, the roles of {@link
     * RawWorkloadState.Client#run}.
     *
     * @param args the role, a count and the server's port
     * @throws Exception if the server is gone
     */
    public static void main(String[] args) throws Exception {
        try (Client c = new Client(Integer.parseInt(args[2]))) {
            c.run(args[0], Long.parseLong(args[1]));
        }
    }
}
