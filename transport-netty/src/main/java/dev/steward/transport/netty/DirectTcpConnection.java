package dev.steward.transport.netty;

import dev.steward.runtime.TimingProperties;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The client side of {@code tcp://} on a plain socket channel, without an event loop. A thread
 * that will wait for its answer writes its frame to the socket itself, and reads the socket itself
 * while it looks for the answer ({@link #poll}), so a synchronous call sees its answer as soon as
 * the kernel has it, with no hand-over to or from another thread. Frames sent without waiting
 * (asynchronous calls, releases) go to a writer thread, which gathers those sent close together
 * into one {@code write}. A caller that waits longer sleeps in {@code epoll} on the socket itself
 * ({@link #awaitReadable}) and reads its answer when the kernel wakes it. One reader thread per
 * connection waits in {@code epoll} too and delivers whatever no caller reads, such as answers to
 * asynchronous calls; while callers look for their answers or sleep in {@code epoll} themselves
 * it stands aside (parked, see {@link #ASIDE_NANOS}), since every answer would wake it with them,
 * and a frame sent without waiting brings it back at once. Whoever holds the read lock reads and
 * delivers, one thread at a time, in order.
 *
 * <p>Frames queued while another thread writes are written by that thread (flat combining), so
 * senders never wait for each other. The one thread that writes waits while the kernel's send
 * buffer is full, that is while the node does not read; frames that pile up behind it beyond
 * {@code netty.maxQueuedBytes} close the connection.
 */
final class DirectTcpConnection implements TransportConnection {
    private static final System.Logger LOG = System.getLogger(DirectTcpConnection.class.getName());
    private static final int MAX_GATHER = 64;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /**
     * How long after a caller last looked for frames the reader thread stays out of {@code epoll},
     * in microseconds: {@code -Dsteward.netty.readerAsideUs=N}, 0 to 10,000, 0 to keep it there.
     */
    static final long ASIDE_NANOS =
            TimeUnit.MICROSECONDS.toNanos(TimingProperties.micros("steward.netty.readerAsideUs", 200, 10_000));
    /** How long the reader thread stays aside at a time while a caller sleeps in {@code epoll}. */
    private static final long ASIDE_WHILE_ASLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final SocketChannel channel;
    private final Selector readSelector;
    private final FrameListener listener;
    private final NettySettings settings;
    private final String peer;
    private final ConcurrentLinkedQueue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean readLock = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    private volatile Selector writeSelector; // the writing thread's, opened when the send buffer first fills
    /** Selectors on this socket for callers that wait in the kernel ({@link #awaitReadable}), idle ones. */
    private final ConcurrentLinkedDeque<WaitSelector> spareSelectors = new ConcurrentLinkedDeque<>();
    /** The selectors of {@link #spareSelectors}, idle or in use, to wake and close at the end. */
    private final Set<Selector> waitSelectors = ConcurrentHashMap.newKeySet();

    private volatile Thread writer; // parks while nothing is queued
    private volatile Thread reader; // stands aside from epoll while callers read
    private volatile boolean readerAside;
    /** Callers asleep in {@code epoll} on this socket now ({@link #awaitReadable}). */
    private final AtomicInteger sleepers = new AtomicInteger();
    /** When a caller last looked for frames ({@link #poll}). */
    private volatile long lastLook = System.nanoTime() - ASIDE_NANOS;

    private volatile boolean writerParked;
    private ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES); // guarded by readLock
    private volatile boolean readingStopped; // set on end of stream, a failure or an oversized frame
    private volatile Throwable closeCause;

    private DirectTcpConnection(
            SocketChannel channel, Selector readSelector, FrameListener listener, NettySettings settings, String peer) {
        this.channel = channel;
        this.readSelector = readSelector;
        this.listener = listener;
        this.settings = settings;
        this.peer = peer;
    }

    static DirectTcpConnection connect(
            InetSocketAddress remote, String peer, NettySettings settings, FrameListener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        Selector selector = null;
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            channel.socket().connect(remote, settings.connectTimeoutMillis());
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (SocketTimeoutException e) {
            closeQuietly(channel, selector);
            throw new IOException(
                    "cannot connect to " + peer + ": no answer within " + settings.connectTimeoutMillis() + " ms ("
                            + NettySettings.CONNECT_TIMEOUT_MS + ")",
                    e);
        } catch (IOException e) {
            closeQuietly(channel, selector);
            throw new IOException("cannot connect to " + peer + ": " + e.getMessage(), e);
        }
        DirectTcpConnection c = new DirectTcpConnection(channel, selector, listener, settings, peer);
        Thread reader = new Thread(c::readLoop, "steward-tcp-reader " + peer);
        reader.setDaemon(true);
        Thread writer = new Thread(c::writeLoop, "steward-tcp-writer " + peer);
        writer.setDaemon(true);
        c.writer = writer;
        c.reader = reader;
        reader.start();
        writer.start();
        return c;
    }

    private static void closeQuietly(Closeable... resources) {
        for (Closeable r : resources) {
            try {
                if (r != null) {
                    r.close();
                }
            } catch (IOException e) {
                // nothing to add to the failure being reported
            }
        }
    }

    @Override
    public boolean send(ByteBuffer frame) {
        if (!enqueue(frame)) {
            return false;
        }
        if (writerParked) {
            LockSupport.unpark(writer);
        }
        if (readerAside) {
            LockSupport.unpark(reader); // no caller may read this frame's answer
        }
        return true;
    }

    @Override
    public boolean sendAwaitingAnswer(ByteBuffer frame) {
        if (!enqueue(frame)) {
            return false;
        }
        drain(Long.MAX_VALUE); // the caller waits anyway: writing now wakes nobody
        return true;
    }

    private boolean enqueue(ByteBuffer frame) {
        if (closed.get()) {
            return false;
        }
        int length = frame.remaining();
        ByteBuffer copy = ByteBuffer.allocate(4 + length);
        copy.putInt(length).put(frame.duplicate()).flip();
        if (queuedBytes.addAndGet(copy.remaining()) > settings.maxQueuedBytes()) {
            fail(settings.notReading(peer, queuedBytes.get()));
            return false;
        }
        queue.add(copy);
        return true;
    }

    /** The writer thread: writes what is sent without waiting, gathering what piles up meanwhile. */
    private void writeLoop() {
        while (!closed.get()) {
            writerParked = true;
            if (queue.isEmpty() && !closed.get()) {
                LockSupport.park(this);
            }
            writerParked = false;
            drain(Long.MAX_VALUE);
        }
    }

    /**
     * Writes everything queued, unless another thread is already at it (it will take ours too).
     *
     * @param deadline {@link System#nanoTime()} after which a full send buffer ends the wait and the
     *     connection, or {@link Long#MAX_VALUE} to wait while the connection is open
     */
    private void drain(long deadline) {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                int n = 0;
                long bytes = 0;
                for (ByteBuffer b; n < MAX_GATHER && (b = queue.poll()) != null; ) {
                    gather[n++] = b;
                    bytes += b.remaining();
                }
                try {
                    for (long left = bytes; left > 0; ) {
                        long written = channel.write(gather, 0, n);
                        left -= written;
                        if (written == 0) {
                            awaitWritable(deadline);
                        }
                    }
                } catch (IOException | ClosedSelectorException e) {
                    fail(e);
                    return;
                } finally {
                    queuedBytes.addAndGet(-bytes);
                    Arrays.fill(gather, 0, n, null);
                }
            } finally {
                writing.set(false);
            }
        }
    }

    /** Waits, as the one writing thread, until the kernel takes more bytes. */
    private void awaitWritable(long deadline) throws IOException {
        if (closed.get()) {
            throw new ClosedChannelException();
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw settings.notTakenBeforeClose(peer);
        }
        Selector selector = writeSelector;
        if (selector == null) {
            selector = Selector.open();
            writeSelector = selector;
            if (closed.get()) { // the reader thread may have ended before it could see this one
                closeQuietly(selector);
                throw new ClosedChannelException();
            }
            channel.register(selector, SelectionKey.OP_WRITE);
        }
        selector.select(100); // short: close() and the deadline are checked between waits
        selector.selectedKeys().clear();
    }

    /**
     * How long the reader thread should stay out of {@code epoll} from now, in nanoseconds: while
     * callers read the socket themselves, it would only be woken with them by every answer. A caller
     * asleep in {@code epoll} reads whatever comes; one that looks reads it within microseconds.
     * Frames that no caller reads (answers to calls sent without waiting, whose sending brings the
     * reader thread back at once, and the rare frame nobody waits for) wait at most that long.
     */
    private long asideFor() {
        if (ASIDE_NANOS == 0) {
            return 0;
        }
        if (sleepers.get() > 0) {
            return ASIDE_WHILE_ASLEEP_NANOS;
        }
        return ASIDE_NANOS - (System.nanoTime() - lastLook);
    }

    @Override
    public boolean poll() {
        lastLook = System.nanoTime();
        if (readingStopped || !readLock.compareAndSet(false, true)) {
            return false;
        }
        try {
            return readAvailable();
        } finally {
            readLock.set(false);
        }
    }

    /**
     * Sleeps in {@code epoll} until the socket has bytes, on a selector of its own that the caller
     * borrows, so that a caller that waits long is woken by the kernel itself and reads its answer
     * ({@link #poll}). The reader thread is woken too and may deliver the answer first: the
     * answer's completion wakes the selector (a wake-up that comes before the select makes it
     * return at once), so the caller never sleeps through an answer another thread read.
     */
    @Override
    public boolean sleepsUntilReadable() {
        return true; // in epoll on the socket
    }

    @Override
    public boolean awaitReadable(CompletableFuture<?> answer, long timeoutNanos) {
        if (readingStopped) {
            return false;
        }
        if (answer.isDone()) {
            return true; // its wake-up may have ended an earlier wait already
        }
        WaitSelector waiting = spareSelectors.pollFirst(); // the one this thread used last, likely
        try {
            if (waiting == null) {
                waiting = new WaitSelector(Selector.open());
                waitSelectors.add(waiting.selector);
                if (closed.get()) { // the reader thread may have closed the others already
                    throw new ClosedChannelException();
                }
                channel.register(waiting.selector, SelectionKey.OP_READ);
            }
            waiting.arm(answer);
            sleepers.incrementAndGet();
            waiting.asleep = true;
            try {
                if (!answer.isDone()) { // checked after asleep is set: see WaitSelector
                    waiting.selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
                }
            } finally {
                waiting.asleep = false;
                sleepers.decrementAndGet();
            }
            waiting.selector.selectedKeys().clear();
        } catch (IOException | ClosedSelectorException e) {
            if (waiting != null) {
                waitSelectors.remove(waiting.selector);
                closeQuietly(waiting.selector);
            }
            return false; // closing: the caller parks until onClose fails its call
        }
        spareSelectors.addFirst(waiting);
        return true;
    }

    /**
     * A selector on this socket that one caller at a time borrows to sleep in. The answer's
     * completion wakes it only while a caller sleeps in it: most answers are read and completed by
     * the caller itself once the kernel has woken it, and a needless {@code wakeup()} would cost a
     * system call and make the caller's next sleep end at once. The sleeper sets {@link #asleep}
     * and then looks at the answer; the completer completes it and then looks at {@link #asleep}:
     * one of them sees the other. A completion that comes just as the sleep ends (or an earlier
     * caller's answer, after another caller borrowed the selector) may still leave a wake-up
     * pending, which ends one later sleep early; the caller then looks at its answer and sleeps
     * again.
     */
    private static final class WaitSelector {
        final Selector selector;
        private CompletableFuture<?> armedFor; // touched by the borrowing thread only
        volatile boolean asleep;

        WaitSelector(Selector selector) {
            this.selector = selector;
        }

        /** Makes the answer's completion wake this selector if a caller sleeps in it, once per answer. */
        void arm(CompletableFuture<?> answer) {
            if (armedFor != answer) {
                armedFor = answer;
                answer.whenComplete((result, failure) -> {
                    if (asleep) {
                        selector.wakeup();
                    }
                });
            }
        }
    }

    private void readLoop() {
        try {
            while (!readingStopped) {
                long aside = asideFor();
                if (aside > 0) {
                    // A frame sent just before this is seen waits at most until the park ends.
                    readerAside = true;
                    if (!readingStopped) {
                        LockSupport.parkNanos(this, aside);
                    }
                    readerAside = false;
                    continue;
                }
                readSelector.select();
                readSelector.selectedKeys().clear();
                if (readLock.compareAndSet(false, true)) {
                    try {
                        readAvailable();
                    } finally {
                        readLock.set(false);
                    }
                } else {
                    // A caller is reading; epoll reports again whatever it leaves unread.
                    Thread.yield();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            stopReading(closed.get() ? null : e);
        } finally {
            closeChannel();
            closeQuietly(readSelector, writeSelector);
            waitSelectors.forEach(DirectTcpConnection::closeQuietly);
            report(closeCause);
        }
    }

    /**
     * Reads what the kernel has and delivers every whole frame, with the read lock held.
     *
     * @return whether it delivered a frame
     */
    private boolean readAvailable() {
        boolean delivered = false;
        while (!readingStopped) {
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                stopReading(closed.get() ? null : e); // closed from this side, or the node's end broke
                return delivered;
            }
            if (n < 0) {
                stopReading(null); // the node hung up
                return delivered;
            }
            if (n == 0) {
                return delivered;
            }
            buffer.flip();
            delivered |= deliverFrames();
            buffer.compact();
        }
        return delivered;
    }

    /** Delivers the whole frames in the flipped buffer; leaves a partial frame, growing the buffer to fit it. */
    private boolean deliverFrames() {
        boolean delivered = false;
        while (buffer.remaining() >= 4) {
            long length = Integer.toUnsignedLong(buffer.getInt(buffer.position()));
            if (length > settings.maxFrameBytes()) {
                readingStopped = true; // framing is lost: read nothing more; the listener closes
                readSelector.wakeup();
                listener.onOversizedFrame(length);
                return delivered;
            }
            if (buffer.remaining() < 4 + length) {
                if (buffer.capacity() < 4 + length) {
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.max(4 + length, 2L * buffer.capacity()));
                    bigger.put(buffer);
                    buffer = bigger;
                    buffer.flip();
                }
                return delivered;
            }
            int start = buffer.position() + 4;
            ByteBuffer frame = buffer.duplicate().position(start).limit(start + (int) length);
            buffer.position(start + (int) length);
            try {
                listener.onFrame(frame);
                delivered = true;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a frame listener of " + peer + " failed; closing", e);
                stopReading(e);
                closeChannel();
                return delivered;
            }
        }
        return delivered;
    }

    /** Ends reading; the reader thread closes the channel and reports the cause. */
    private void stopReading(Throwable cause) {
        if (closeCause == null && cause != null) {
            closeCause = cause;
        }
        readingStopped = true;
        readSelector.wakeup();
        LockSupport.unpark(reader);
    }

    /**
     * Closes on a failure; one that follows a close from this side reports the close's cause. The
     * cause is recorded before the channel closes: the reader thread, woken by the close, reports
     * the recorded cause if it gets there first.
     */
    private void fail(Throwable cause) {
        if (!closed.get()) {
            stopReading(cause);
        }
        closeChannel();
        report(closeCause);
    }

    private void report(Throwable cause) {
        closed.set(true);
        if (reported.compareAndSet(false, true)) {
            listener.onClose(cause);
        }
    }

    /**
     * Closes the socket and wakes the threads that wait on it. The kernel's socket goes once both
     * selectors have let go of it, which the reader thread sees to as it ends.
     */
    private void closeChannel() {
        closed.set(true);
        readingStopped = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "closing " + peer + " failed: " + e);
        }
        readSelector.wakeup();
        Selector w = writeSelector;
        if (w != null) {
            w.wakeup();
        }
        LockSupport.unpark(writer);
        LockSupport.unpark(reader);
        waitSelectors.forEach(Selector::wakeup);
    }

    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        // what was queued before close() leaves first, if the node takes it in time
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.closeTimeoutMillis());
        // The writer thread may be between two of its batches: write what it has left, or wait for it.
        while ((writing.get() || !queue.isEmpty()) && !closed.get() && System.nanoTime() - deadline < 0) {
            drain(deadline);
            if (writing.get()) {
                Thread.yield(); // the writer thread is at it
            }
        }
        if (writing.get() || !queue.isEmpty()) {
            stopReading(settings.notTakenBeforeClose(peer));
        }
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // already gone
        }
        closeChannel(); // the reader thread sees the close and reports it
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public String peer() {
        return peer;
    }
}
