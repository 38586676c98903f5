package dev.steward.runtime.transport;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A connection between a node and a client in the same JVM with no thread of its own: a frame sent
 * is copied and delivered to the other side by the sending thread itself, unless another thread is
 * already delivering on that side, which then delivers it too. So frames reach each side one at a
 * time and in order, no sender ever waits for another, and a synchronous call of the embedded
 * manager runs the node's work and completes its own future without a single thread hand-off.
 */
public final class DirectConnection {
    private DirectConnection() {}

    /**
     * Connects a client to a node's acceptor.
     *
     * @param acceptor the node's acceptor
     * @param client builds the client's listener; called before any frame flows
     * @param maxFrameBytes the largest frame either side accepts
     * @return the client's end
     */
    public static TransportConnection open(
            ConnectionAcceptor acceptor, Function<TransportConnection, FrameListener> client, int maxFrameBytes) {
        End clientEnd = new End("embedded client", maxFrameBytes);
        End nodeEnd = new End("embedded node", maxFrameBytes);
        clientEnd.peer = nodeEnd;
        nodeEnd.peer = clientEnd;
        clientEnd.listener = client.apply(clientEnd);
        nodeEnd.listener = acceptor.accept(nodeEnd);
        return clientEnd;
    }

    /** One end: what is sent here is delivered to the peer's listener. */
    private static final class End implements TransportConnection {
        private final String name;
        private final int maxFrameBytes;
        private final ConcurrentLinkedQueue<ByteBuffer> inbox = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean delivering = new AtomicBoolean();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final AtomicBoolean reported = new AtomicBoolean();
        private volatile FrameListener listener;
        private End peer;

        End(String name, int maxFrameBytes) {
            this.name = name;
            this.maxFrameBytes = maxFrameBytes;
        }

        @Override
        public boolean send(ByteBuffer frame) {
            if (!open.get()) {
                return false;
            }
            ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
            copy.put(frame.duplicate()).flip();
            peer.inbox.add(copy);
            peer.deliver();
            return true;
        }

        /** Delivers what is queued here, unless another thread is at it (it takes ours too). */
        private void deliver() {
            while (!inbox.isEmpty() && delivering.compareAndSet(false, true)) {
                try {
                    for (ByteBuffer f; (f = inbox.poll()) != null; ) {
                        if (!open.get()) {
                            inbox.clear();
                            break;
                        }
                        if (f.remaining() > maxFrameBytes) {
                            listener.onOversizedFrame(f.remaining());
                        } else {
                            listener.onFrame(f);
                        }
                    }
                } finally {
                    delivering.set(false);
                }
            }
        }

        @Override
        public void close() {
            shutdown();
            peer.shutdown();
        }

        private void shutdown() {
            if (open.compareAndSet(true, false) && reported.compareAndSet(false, true)) {
                FrameListener l = listener;
                if (l != null) {
                    l.onClose(null);
                }
            }
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public String peer() {
            return name;
        }
    }
}
