package dev.steward.transport.netty;

import dev.steward.runtime.TimingProperties;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's event-loop groups: one per {@link NettyTransportKind}, shared by every server and
 * connection of that kind, created on first use and shut down when the last lease is released.
 */
final class SharedEventLoops {
    private static final Object LOCK = new Object();
    private static final Map<NettyTransportKind, SharedEventLoops> CURRENT = new EnumMap<>(NettyTransportKind.class);
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** The default of {@link #SPIN_US}. */
    static final long DEFAULT_SPIN_US = 50;
    /**
     * The number of event-loop threads: {@code -Dsteward.netty.threads=N}; by default one per two
     * cores, between one and two. One thread serves every connection without hand-offs between
     * loops (a queue item or a lock granted to a client on another loop would wake that loop), and
     * leaves the other core of a small machine to the processes that call the node.
     */
    private static final int THREADS = Math.max(
            1,
            Integer.getInteger(
                    "steward.netty.threads", Math.min(2, Runtime.getRuntime().availableProcessors() / 2)));

    /**
     * How long a loop that has handled something looks on for more before it blocks, in
     * microseconds: {@code -Dsteward.netty.spinUs=N}, 0 to 10,000; by default {@value
     * #DEFAULT_SPIN_US}. See {@link SpinningSelectStrategy}.
     */
    static final long SPIN_US = TimingProperties.micros("steward.netty.spinUs", DEFAULT_SPIN_US, 10_000);

    /**
     * While a loop's looks have lately averaged longer than this, in microseconds, it blocks at
     * once but for one look in eight: {@code -Dsteward.netty.longLookUs=N}, 0 to 10,000, 0 to look
     * always; by default 25. See {@link SpinningSelectStrategy}.
     */
    static final long LONG_LOOK_US = TimingProperties.micros("steward.netty.longLookUs", 25, 10_000);

    private final NettyTransportKind kind;
    private final MultiThreadIoEventLoopGroup group;
    private int references; // guarded by LOCK

    private SharedEventLoops(NettyTransportKind kind) {
        this.kind = kind;
        this.group = new MultiThreadIoEventLoopGroup(
                THREADS,
                LoopThread::new,
                kind.ioHandlerFactory(SpinningSelectStrategy.factory(
                        TimeUnit.MICROSECONDS.toNanos(SPIN_US), TimeUnit.MICROSECONDS.toNanos(LONG_LOOK_US))));
    }

    /**
     * Leases the current group of a kind, starting one if there is none.
     *
     * @param kind the kind
     * @return a lease to release when its user is closed
     */
    static Lease acquire(NettyTransportKind kind) {
        synchronized (LOCK) {
            SharedEventLoops loops = CURRENT.computeIfAbsent(kind, SharedEventLoops::new);
            loops.references++;
            return loops.new Lease();
        }
    }

    /**
     * Tells whether the calling thread is one of these groups' event loops, where nothing may block.
     *
     * @return {@code true} on an event-loop thread
     */
    static boolean onLoopThread() {
        return Thread.currentThread() instanceof LoopThread;
    }

    /** For tests: the live group of a kind, or {@code null}. */
    static EventLoopGroup current(NettyTransportKind kind) {
        synchronized (LOCK) {
            SharedEventLoops loops = CURRENT.get(kind);
            return loops == null ? null : loops.group;
        }
    }

    private void release() {
        synchronized (LOCK) {
            if (--references > 0) {
                return;
            }
            CURRENT.remove(kind, this);
        }
        // No quiet period: the last user is gone and a new one gets a new group.
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }

    /** One user's hold on a group; releasing it twice is harmless. */
    final class Lease {
        private final AtomicBoolean released = new AtomicBoolean();

        EventLoopGroup group() {
            return group;
        }

        /**
         * Leases this very group again, for a channel that must share it.
         *
         * @return the new lease, or {@code null} if the group is already shutting down
         */
        Lease retain() {
            synchronized (LOCK) {
                if (references == 0) {
                    return null;
                }
                references++;
                return new Lease();
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                SharedEventLoops.this.release();
            }
        }
    }

    private static final class LoopThread extends FastThreadLocalThread {
        LoopThread(Runnable task) {
            super(task, "steward-netty-" + THREAD_NUMBERS.incrementAndGet());
            setDaemon(true);
        }
    }
}
