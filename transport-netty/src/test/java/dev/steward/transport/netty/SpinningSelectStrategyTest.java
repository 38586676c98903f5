package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategy;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.SocketChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The looking-on select strategy, on real event loops of each I/O implementation this platform
 * has. A look of a minute makes any wait the strategy fails to end visible: the tests would hang
 * on their five-second limits rather than pass by the loop's timing.
 */
class SpinningSelectStrategyTest {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    static List<NettyTransportKind> kinds() {
        return Arrays.stream(NettyTransportKind.values())
                .filter(kind -> kind != NettyTransportKind.EPOLL || Epoll.isAvailable())
                .collect(Collectors.toList());
    }

    private static MultiThreadIoEventLoopGroup group(NettyTransportKind kind, long spinNanos) {
        return new MultiThreadIoEventLoopGroup(1, kind.ioHandlerFactory(SpinningSelectStrategy.factory(spinNanos, 0)));
    }

    private static Thread loopThread(MultiThreadIoEventLoopGroup group) throws Exception {
        return group.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
    }

    private static boolean looksOn(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(SpinningSelectStrategy.class.getName()));
    }

    private static void awaitLookingOn(Thread thread, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (looksOn(thread) != expected) {
            assertThat(System.nanoTime() - deadline)
                    .as("the loop still %s", expected ? "does not look on" : "looks on")
                    .isNegative();
            Thread.sleep(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLoopLooksOnAfterItsWorkAndRunsATaskSubmittedMeanwhileAtOnce(NettyTransportKind kind) throws Exception {
        MultiThreadIoEventLoopGroup group = group(kind, MINUTE_NANOS);
        try {
            Thread loop = loopThread(group);
            for (int i = 0; i < 20; i++) {
                awaitLookingOn(loop, true);
                // Netty wakes only a blocked loop; a looking one must notice the task itself.
                assertThat(group.submit(() -> 42).get(5, TimeUnit.SECONDS)).isEqualTo(42);
            }
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
        // ... and the group's shutting down, which queues no task.
        assertThat(group.terminationFuture().await(5, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLookingLoopFindsTheNextRequestWithoutBeingWoken(NettyTransportKind kind) throws Exception {
        MultiThreadIoEventLoopGroup group = group(kind, MINUTE_NANOS);
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(kind.serverChannelClass())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext context, Object message) {
                                    ByteBuf bytes = (ByteBuf) message;
                                    context.writeAndFlush(bytes);
                                }
                            });
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .sync()
                    .channel();
            Thread loop = loopThread(group);
            try (Socket socket = new Socket()) {
                socket.connect(server.localAddress(), 5_000);
                socket.setSoTimeout(5_000);
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                for (int i = 0; i < 200; i++) {
                    if (i % 20 == 0) {
                        awaitLookingOn(loop, true);
                    }
                    out.write(i);
                    out.flush();
                    assertThat(in.read()).isEqualTo(i);
                }
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anIdleLoopBlocksOnceItsLookIsOver(NettyTransportKind kind) throws Exception {
        MultiThreadIoEventLoopGroup group = group(kind, TimeUnit.MILLISECONDS.toNanos(1));
        try {
            Thread loop = loopThread(group);
            awaitLookingOn(loop, false);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long before = threads.getThreadCpuTime(loop.getId());
            Thread.sleep(500); // the window over which an idle loop must use (next to) no processor
            long used = threads.getThreadCpuTime(loop.getId()) - before;
            // A loop that kept looking would use most of the window.
            assertThat(used).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(looksOn(loop)).isFalse();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** How many times a call of the strategy looked for I/O: 1 when it did not look on. */
    private static int selects(SelectStrategy strategy, int readyOnSelect) throws Exception {
        int[] calls = {0};
        strategy.calculateStrategy(() -> ++calls[0] == readyOnSelect ? 1 : 0, false);
        return calls[0];
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLoopWhoseLooksRunLongBlocksAtOnceButForOneLookInEightUntilLooksAreShortAgain(NettyTransportKind kind)
            throws Exception {
        MultiThreadIoEventLoopGroup group = group(kind, MINUTE_NANOS);
        try {
            // a strategy of its own, driven on the loop's thread, with selects that find nothing
            // (each look lasts its full 2 ms) and then selects that find I/O at the second look
            SpinningSelectStrategy strategy = (SpinningSelectStrategy)
                    SpinningSelectStrategy.factory(TimeUnit.MILLISECONDS.toNanos(2), TimeUnit.MICROSECONDS.toNanos(200))
                            .newSelectStrategy();
            group.submit(() -> {
                        int[] looked = new int[64];
                        for (int i = 0; i < looked.length; i++) {
                            looked[i] = selects(strategy, -1);
                        }
                        assertThat(looked[0])
                                .as("the first look lasts its window")
                                .isGreaterThan(1);
                        assertThat(strategy.averageLookNanos()).isGreaterThan(TimeUnit.MICROSECONDS.toNanos(200));
                        long lookedOn =
                                Arrays.stream(looked, 8, 64).filter(n -> n > 1).count();
                        assertThat(lookedOn)
                                .as("looks among 56 once they run long")
                                .isEqualTo(7);
                        // the sampled looks find I/O at once: the loop looks on after each call again
                        int calls = 0;
                        while (selects(strategy, 2) == 1 || selects(strategy, 2) == 1) {
                            assertThat(++calls).as("looking on again").isLessThan(200);
                        }
                        for (int i = 0; i < 50; i++) {
                            assertThat(selects(strategy, 2)).isEqualTo(2);
                        }
                        return null;
                    })
                    .get(30, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void offAnEventLoopOrWithNoLookItSaysBlockAtOnce() throws Exception {
        assertThat(SpinningSelectStrategy.factory(MINUTE_NANOS, 0)
                        .newSelectStrategy()
                        .calculateStrategy(() -> 0, false))
                .isEqualTo(SelectStrategy.SELECT);
        assertThat(SpinningSelectStrategy.factory(0, 0).newSelectStrategy().calculateStrategy(() -> 0, false))
                .isEqualTo(SelectStrategy.SELECT);
        assertThat(SpinningSelectStrategy.factory(0, 0).newSelectStrategy().calculateStrategy(() -> 3, false))
                .isEqualTo(3);
        assertThatThrownBy(() -> SpinningSelectStrategy.factory(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
