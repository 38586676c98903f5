package dev.steward.transport.netty;

import dev.steward.spi.TransportConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TCP connection, client or accepted.
 *
 * <p>Sending: {@link #send} copies the frame into a buffer from the channel's allocator and puts it
 * on a lock-free queue. The sender that finds no drain pending schedules one task on the channel's
 * event loop, which writes everything queued by then and flushes once, so frames sent close
 * together share a system call. While the connection's own event loop is delivering a read batch,
 * frames it sends are only queued: the drain at the end of the batch writes them together. A peer
 * that leaves more than {@code netty.maxQueuedBytes} unread is cut off.
 *
 * <p>Closing: {@link #close} writes what is queued, waits until it has left, then half-closes and
 * waits for the peer to hang up (at most {@code netty.closeTimeoutMs}), so that a peer still sending
 * reads everything rather than a reset. Frames that arrive meanwhile are dropped.
 *
 * <p>Everything named "loop-confined" below is touched only on the channel's event loop.
 */
final class NettyConnection implements TransportConnection {
    /** Where a client channel keeps its connection, for {@code connect()} to pick up. */
    static final AttributeKey<NettyConnection> KEY = AttributeKey.valueOf(NettyConnection.class, "connection");

    private final Channel channel;
    private final NettySettings settings;
    private final Queue<ByteBuf> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Runnable drainTask = this::scheduledDrain;
    private volatile boolean inactive;
    private volatile String peer;

    private boolean reading; // loop-confined
    private Throwable closeCause; // loop-confined
    private ScheduledFuture<?> closeDeadline; // loop-confined
    private boolean outputFlushed; // loop-confined

    NettyConnection(Channel channel, NettySettings settings, String peer) {
        this.channel = channel;
        this.settings = settings;
        this.peer = peer;
    }

    @Override
    public boolean send(ByteBuffer frame) {
        Objects.requireNonNull(frame, "frame");
        if (closeRequested.get()) {
            return false;
        }
        int length = frame.remaining();
        // The channel's backlog counts from its low water mark; close enough for a limit this size.
        long queued = pendingBytes.get() + channel.bytesBeforeWritable() + length;
        if (queued > settings.maxQueuedBytes()) {
            failAndClose(settings.notReading(peer, queued));
            return false;
        }
        ByteBuf copy = channel.alloc().ioBuffer(length);
        int position = frame.position();
        copy.writeBytes(frame);
        frame.position(position);
        pendingBytes.addAndGet(length);
        pending.offer(copy);
        if (inactive) {
            // The loop's final clean-up may have run before the offer: release what it missed.
            releasePending();
            return false;
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop() && reading) {
            return true;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drainTask);
            } catch (RejectedExecutionException e) {
                // Only a group with no users left refuses work, so this connection is gone.
                releasePending();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (closeRequested.compareAndSet(false, true)) {
            onLoop(this::closeAfterFlush);
        }
    }

    @Override
    public boolean isOpen() {
        return !closeRequested.get() && channel.isOpen();
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String toString() {
        return "NettyConnection[" + peer + (isOpen() ? "" : ", closed") + "]";
    }

    /** Completes once the channel is closed and the listener has heard {@code onClose}. */
    CompletableFuture<Void> terminationFuture() {
        return terminated;
    }

    /**
     * Closes at once, without waiting for queued frames.
     *
     * @param cause what the listener's {@code onClose} reports; {@code null} for none
     */
    void failAndClose(Throwable cause) {
        closeRequested.set(true);
        onLoop(() -> {
            recordCause(cause);
            channel.close();
        });
    }

    /** Ends a {@link #close} that is still waiting for the peer, without waiting any longer. */
    void closeNow() {
        closeRequested.set(true);
        onLoop(this::closeNowOnLoop);
    }

    // ---- called by ConnectionHandler, on the event loop ----

    void activated() {
        String remote = TcpAddress.describe(channel.remoteAddress());
        if (remote != null) {
            peer = remote;
        }
    }

    /** Whether close() was called or the connection has ended: frames still arriving are dropped. */
    boolean closing() {
        return closeRequested.get();
    }

    void readStarted() {
        reading = true;
    }

    void readFinished() {
        reading = false;
        drainAndFlush();
    }

    void recordCause(Throwable cause) {
        // Writes that meet a closed channel report ClosedChannelException: a consequence of the
        // close, not its reason, which if known is the exception's cause.
        Throwable reason = cause instanceof ClosedChannelException ? cause.getCause() : cause;
        if (closeCause == null && reason != null) {
            closeCause = reason;
        }
    }

    /**
     * Drops what is still queued, once the channel is closed.
     *
     * @return why the connection ended, or {@code null}
     */
    Throwable deactivated() {
        inactive = true;
        closeRequested.set(true);
        reading = false;
        if (closeDeadline != null) {
            closeDeadline.cancel(false);
        }
        releasePending();
        return closeCause;
    }

    void terminated() {
        terminated.complete(null);
    }

    // ---- writing ----

    private void scheduledDrain() {
        // Cleared before draining: a frame queued after this point schedules its own drain.
        drainScheduled.set(false);
        drainAndFlush();
    }

    private void drainAndFlush() {
        if (inactive || !channel.isOpen()) {
            releasePending();
            return;
        }
        ByteBuf frame = pending.poll();
        if (frame == null) {
            return;
        }
        do {
            pendingBytes.addAndGet(-frame.readableBytes());
            channel.write(frame, channel.voidPromise());
        } while ((frame = pending.poll()) != null);
        channel.flush();
    }

    private void closeAfterFlush() {
        if (inactive) {
            return;
        }
        drainAndFlush();
        closeDeadline = channel.eventLoop()
                .schedule(this::closeNowOnLoop, settings.closeTimeoutMillis(), TimeUnit.MILLISECONDS);
        // An empty buffer written below the encoder is not framed; its future completes once
        // everything written before it has reached the socket.
        ChannelHandlerContext encoder = channel.pipeline().context(FrameEncoder.class);
        ChannelFuture flushed =
                encoder == null ? channel.newSucceededFuture() : encoder.writeAndFlush(Unpooled.EMPTY_BUFFER);
        flushed.addListener(this::flushedBeforeClose);
    }

    private void flushedBeforeClose(Future<?> flushed) {
        if (!flushed.isSuccess()) {
            recordCause(flushed.cause());
            channel.close();
            return;
        }
        outputFlushed = true;
        if (channel instanceof DuplexChannel duplex && channel.isActive()) {
            // Half-close and wait for the peer to hang up. Closing outright while its bytes are
            // still arriving (say, the rest of an oversized frame) makes the kernel answer with a
            // reset, and the peer may never read the frames just sent.
            duplex.shutdownOutput().addListener(shutdown -> {
                if (!shutdown.isSuccess()) {
                    channel.close();
                }
            });
        } else {
            channel.close();
        }
    }

    private void closeNowOnLoop() {
        if (!outputFlushed && !inactive) {
            recordCause(settings.notTakenBeforeClose(peer));
        }
        channel.close();
    }

    private void releasePending() {
        ByteBuf frame;
        while ((frame = pending.poll()) != null) {
            pendingBytes.addAndGet(-frame.readableBytes());
            frame.release();
        }
    }

    private void onLoop(Runnable task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The group shuts down only after its last channel has closed; nothing is left to do.
        }
    }
}
