package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedEventLoopsTest {
    @Test
    void usersShareOneGroupThatStopsWithTheLastOfThem() throws Exception {
        SharedEventLoops.Lease first = SharedEventLoops.acquire(NettyTransportKind.NIO);
        SharedEventLoops.Lease second = SharedEventLoops.acquire(NettyTransportKind.NIO);
        EventLoopGroup group = first.group();
        try {
            assertThat(second.group()).isSameAs(group);
            Thread loopThread = group.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertThat(loopThread.getName()).matches("steward-netty-\\d+");
            assertThat(loopThread.isDaemon()).isTrue();

            first.release();
            first.release();
            assertThat(group.isShuttingDown()).as("still leased").isFalse();
        } finally {
            first.release();
            second.release();
        }

        assertThat(group.terminationFuture().await(5, TimeUnit.SECONDS)).isTrue();
        SharedEventLoops.Lease third = SharedEventLoops.acquire(NettyTransportKind.NIO);
        try {
            assertThat(third.group()).isNotSameAs(group);
            SharedEventLoops.Lease retained = third.retain();
            assertThat(retained).isNotNull();
            retained.release();
        } finally {
            third.release();
        }
    }
}
