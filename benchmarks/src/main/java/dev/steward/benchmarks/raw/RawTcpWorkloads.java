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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
public final class RawTcpWorkloads implements AutoCloseable {
    static final byte ACQUIRE = 1;
    static final byte RELEASE = 2;
    static final byte GET = 3;
    static final byte SET = 4;
    static final byte PUT_A = 5;
    static final byte PUT_B = 6;
    static final byte TAKE_A = 7;
    static final byte TAKE_B = 8;
    /** A lock worker is warm: the argument is how many increments it will make. */
    static final byte READY = 9;
    /** A lock worker has made its increments. */
    static final byte DONE = 10;

    private static final int WARM_UP = 2_000;

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

    /**
     * Returns the port.
     *
     * @return the port clients connect to
     */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Waits for the lock workers to finish.
     *
     * @param timeout how long to wait
     * @return increments per second from the moment every worker was ready to the last one's
     *     {@code DONE}, and 1 if the count equals the increments made (no update lost), else 0
     * @throws Exception if the run does not finish in time
     */
    public double[] lockedResult(Duration timeout) throws Exception {
        return state.locked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }

    /** The server's state and handler: everything runs on its one event loop. */
    @Sharable
    private static final class Server extends ChannelInboundHandlerAdapter {
        private final int workers;
        private final ArrayDeque<Long> queueA = new ArrayDeque<>();
        private final ArrayDeque<Long> queueB = new ArrayDeque<>();
        private final ArrayDeque<Channel> takersA = new ArrayDeque<>();
        private final ArrayDeque<Channel> takersB = new ArrayDeque<>();
        private final ArrayDeque<Channel> lockWaiters = new ArrayDeque<>();
        private final List<Channel> ready = new ArrayList<>();
        private final CompletableFuture<double[]> locked = new CompletableFuture<>();
        private Channel owner;
        private long count;
        private long expected;
        private long start;
        private int done;

        Server(int workers) {
            this.workers = workers;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            byte op = in.readByte();
            long arg = in.readLong();
            in.release();
            Channel ch = ctx.channel();
            switch (op) {
                case ACQUIRE -> {
                    if (owner == null) {
                        owner = ch;
                        answer(ch, 1);
                    } else {
                        lockWaiters.add(ch);
                    }
                }
                case RELEASE -> {
                    owner = lockWaiters.poll(); // first come, first served
                    if (owner != null) {
                        answer(owner, 1);
                    }
                    answer(ch, 0);
                }
                case GET -> answer(ch, count);
                case SET -> {
                    count = arg;
                    answer(ch, 0);
                }
                case PUT_A -> put(queueA, takersA, arg, ch);
                case PUT_B -> put(queueB, takersB, arg, ch);
                case TAKE_A -> take(queueA, takersA, ch);
                case TAKE_B -> take(queueB, takersB, ch);
                case READY -> {
                    ready.add(ch);
                    expected += arg;
                    if (ready.size() == workers) {
                        count = 0; // the warm-up counted too
                        start = System.nanoTime();
                        ready.forEach(c -> answer(c, 0));
                    }
                }
                case DONE -> {
                    answer(ch, 0);
                    if (++done == workers) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        locked.complete(new double[] {expected / seconds, count == expected ? 1 : 0});
                    }
                }
                default -> ch.close();
            }
        }

        private static void put(ArrayDeque<Long> queue, ArrayDeque<Channel> takers, long value, Channel ch) {
            Channel taker = takers.poll();
            if (taker != null) {
                answer(taker, value);
            } else {
                queue.add(value);
            }
            answer(ch, 0);
        }

        private static void take(ArrayDeque<Long> queue, ArrayDeque<Channel> takers, Channel ch) {
            Long value = queue.poll();
            if (value != null) {
                answer(ch, value);
            } else {
                takers.add(ch);
            }
        }

        private static void answer(Channel ch, long value) {
            ByteBuf out = ch.alloc().buffer(12);
            out.writeInt(8).writeLong(value);
            ch.writeAndFlush(out, ch.voidPromise());
        }
    }

    /** A blocking-socket client: one call at a time, the caller reads its own answer. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final DataOutputStream out;
        private final DataInputStream in;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64));
        }

        long call(byte op, long arg) throws IOException {
            out.writeInt(9);
            out.writeByte(op);
            out.writeLong(arg);
            out.flush();
            if (in.readInt() != 8) {
                throw new IOException("bad answer");
            }
            return in.readLong();
        }

        void increment() throws IOException {
            call(ACQUIRE, 0);
            call(SET, call(GET, 0) + 1);
            call(RELEASE, 0);
        }

        void roundTrip(long i) throws IOException {
            call(PUT_A, i);
            call(TAKE_B, 0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * One client, in its own JVM: {@code echo <port> <rounds>} takes from A and puts on B;
     * {@code queue <port> <rounds>} makes a warm-up, then times its round trips through the echo
     * and prints {@code RESULT <round trips per second>}; {@code lock <port> <increments>} makes a
     * warm-up, says {@code READY}, waits for the others, then makes its increments and says
     * {@code DONE}.
     *
     * @param args the role, the server's port and a count
     * @throws IOException if the server is gone
     */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[1]);
        long count = Long.parseLong(args[2]);
        try (Client c = new Client(port)) {
            switch (args[0]) {
                case "echo" -> {
                    for (long i = 0; i < WARM_UP + count; i++) {
                        c.call(PUT_B, c.call(TAKE_A, 0));
                    }
                }
                case "queue" -> {
                    for (int i = 0; i < WARM_UP; i++) {
                        c.roundTrip(i);
                    }
                    long t = System.nanoTime();
                    for (long i = 0; i < count; i++) {
                        c.roundTrip(i);
                    }
                    double seconds = (System.nanoTime() - t) / 1e9;
                    System.out.printf(Locale.ROOT, "RESULT %.1f%n", count / seconds);
                }
                case "lock" -> {
                    for (int i = 0; i < WARM_UP; i++) {
                        c.increment();
                    }
                    c.call(READY, count);
                    for (long i = 0; i < count; i++) {
                        c.increment();
                    }
                    c.call(DONE, 0);
                }
                default -> throw new IllegalArgumentException("unknown role " + args[0]);
            }
        }
    }
}
