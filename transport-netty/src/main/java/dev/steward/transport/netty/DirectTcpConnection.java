package dev.steward.transport.netty;

import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@code tcp://} with plain blocking sockets: the thread that sends a frame
 * writes it to the socket itself, and one reader thread per connection reads and delivers frames.
 * Compared with a Netty client this saves the hand-off of every frame to an event loop, which on a
 * synchronous call is a wake-up of the loop thread before the request can leave.
 *
 * <p>Frames queued while another thread writes are written by that thread (flat combining), so
 * senders never wait for each other and frames sent close together leave in one {@code write}. The
 * one thread that writes waits while the kernel's send buffer is full, that is while the node does
 * not read; frames that pile up behind it beyond {@code netty.maxQueuedBytes} close the connection.
 */
final class BlockingTcpConnection implements TransportConnection {
    private static final System.Logger LOG = System.getLogger(BlockingTcpConnection.class.getName());
    private static final int MAX_GATHER = 64;

    private final SocketChannel channel;
    private final FrameListener listener;
    private final NettySettings settings;
    private final String peer;
    private final ConcurrentLinkedQueue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];

    private BlockingTcpConnection(SocketChannel channel, FrameListener listener, NettySettings settings, String peer) {
        this.channel = channel;
        this.listener = listener;
        this.settings = settings;
        this.peer = peer;
    }

    static BlockingTcpConnection connect(
            InetSocketAddress remote, String peer, NettySettings settings, FrameListener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            channel.socket().connect(remote, settings.connectTimeoutMillis());
        } catch (SocketTimeoutException e) {
            channel.close();
            throw new IOException(
                    "cannot connect to " + peer + ": no answer within " + settings.connectTimeoutMillis() + " ms ("
                            + NettySettings.CONNECT_TIMEOUT_MS + ")",
                    e);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to " + peer + ": " + e.getMessage(), e);
        }
        BlockingTcpConnection c = new BlockingTcpConnection(channel, listener, settings, peer);
        Thread reader = new Thread(c::readLoop, "steward-tcp-reader " + peer);
        reader.setDaemon(true);
        reader.start();
        return c;
    }

    @Override
    public boolean send(ByteBuffer frame) {
        if (closed.get()) {
            return false;
        }
        int length = frame.remaining();
        ByteBuffer copy = ByteBuffer.allocate(4 + length);
        copy.putInt(length).put(frame.duplicate()).flip();
        if (queuedBytes.addAndGet(copy.remaining()) > settings.maxQueuedBytes()) {
            fail(new IOException("peer " + peer + " is not reading: " + queuedBytes.get() + " bytes queued, over "
                    + NettySettings.MAX_QUEUED_BYTES + " = " + settings.maxQueuedBytes()));
            return false;
        }
        queue.add(copy);
        drain();
        return true;
    }

    /** Writes everything queued, unless another thread is already at it (it will take ours too). */
    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                int n = 0;
                long bytes = 0;
                for (ByteBuffer b; n < MAX_GATHER && (b = queue.poll()) != null; ) {
                    gather[n++] = b;
                    bytes += b.remaining();
                }
                try {
                    long left = bytes;
                    while (left > 0) {
                        left -= channel.write(gather, 0, n);
                    }
                } catch (IOException e) {
                    fail(e);
                    return;
                } finally {
                    queuedBytes.addAndGet(-bytes);
                    java.util.Arrays.fill(gather, 0, n, null);
                }
            } finally {
                writing.set(false);
            }
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        Throwable cause = null;
        try {
            while (true) {
                if (channel.read(buffer) < 0) {
                    break; // the node hung up
                }
                buffer.flip();
                while (buffer.remaining() >= 4) {
                    long length = Integer.toUnsignedLong(buffer.getInt(buffer.position()));
                    if (length > settings.maxFrameBytes()) {
                        listener.onOversizedFrame(length);
                        return; // framing is lost: read nothing more; the listener closes
                    }
                    if (buffer.remaining() < 4 + length) {
                        if (buffer.capacity() < 4 + length) {
                            ByteBuffer bigger = ByteBuffer.allocate((int) Math.max(4 + length, 2L * buffer.capacity()));
                            bigger.put(buffer);
                            buffer = bigger;
                            buffer.flip();
                        }
                        break;
                    }
                    int start = buffer.position() + 4;
                    ByteBuffer frame = buffer.duplicate().position(start).limit(start + (int) length);
                    buffer.position(start + (int) length);
                    try {
                        listener.onFrame(frame);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a frame listener of " + peer + " failed; closing", e);
                        cause = e;
                        return;
                    }
                }
                buffer.compact();
            }
        } catch (ClosedChannelException e) {
            cause = null; // closed from this side
        } catch (IOException e) {
            cause = closed.get() ? null : e;
        } finally {
            closeChannel();
            report(cause);
        }
    }

    private void fail(Throwable cause) {
        closeChannel();
        report(cause);
    }

    private void report(Throwable cause) {
        closed.set(true);
        if (reported.compareAndSet(false, true)) {
            listener.onClose(cause);
        }
    }

    private void closeChannel() {
        closed.set(true);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "closing " + peer + " failed: " + e);
        }
    }

    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        drain(); // what was queued before close() leaves first
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // already gone
        }
        closeChannel(); // the reader sees the close and reports it
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
