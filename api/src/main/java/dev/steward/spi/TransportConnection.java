package dev.steward.spi;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** One connection between a client and a node, as a transport provides it. Internal. */
public interface TransportConnection {
    /**
     * Queues a frame for sending. Thread-safe and never blocks: the bytes from the buffer's position
     * to its limit are copied before this returns, and frames queued by one thread leave in order.
     * A transport may gather frames queued close together into one write. A transport bounds what
     * it queues for a peer that does not read, and closes such a connection rather than grow
     * without bound.
     *
     * @param frame the frame
     * @return {@code false} if the connection is closed and the frame was dropped
     */
    boolean send(ByteBuffer frame);

    /**
     * Queues a frame whose sender waits for the answer right after, like {@link #send}. A transport
     * that leaves writing to a thread of its own, to gather frames sent close together, may write
     * this one on the calling thread instead: nothing is being gathered with it, and no thread need
     * be woken to write it. This default just sends.
     *
     * @param frame the frame
     * @return {@code false} if the connection is closed and the frame was dropped
     */
    default boolean sendAwaitingAnswer(ByteBuffer frame) {
        return send(frame);
    }

    /**
     * Queues a frame that answers a call its peer has waited for a while, like {@link #send}. A
     * transport whose peer waits without the kernel's help (on shared memory) may also wake the
     * peer, which has likely stopped looking and parked; this default just sends.
     *
     * @param frame the frame
     * @return {@code false} if the connection is closed and the frame was dropped
     */
    default boolean sendToWaiter(ByteBuffer frame) {
        return send(frame);
    }

    /**
     * Reads what has arrived on this connection on the calling thread, if the transport can and no
     * other thread reads it at this moment, and hands it to the listener on this thread (still one
     * thread at a time, in order). For a thread that waits for an answer: it sees the answer
     * without a hand-over from the transport's thread, which costs a wake-up or a turn of that
     * thread. Never blocks for long; a transport that cannot do this returns {@code false} at once,
     * as this default does.
     *
     * @return {@code true} if it delivered anything
     */
    default boolean poll() {
        return false;
    }

    /**
     * Tells how many times a thread that waits for an answer should {@link #poll} in a busy spin
     * before it yields the processor between polls. A spin sees the answer the moment it comes, but
     * holds a processor that the peer, or the process the answer waits for, may need when more
     * threads want the processors than there are. This default (64) suits a poll that costs a
     * system call, whose answers take tens of microseconds; a transport whose poll reads shared
     * memory returns fewer, so that the spin lasts about one of its round trips.
     *
     * @return the number of busy polls, at least 0
     */
    default int busyPolls() {
        return DEFAULT_BUSY_POLLS;
    }

    /** What {@link #busyPolls} returns unless the transport says otherwise. */
    int DEFAULT_BUSY_POLLS = 64;

    /**
     * Blocks the calling thread until bytes may have arrived on this connection or {@code answer}
     * completes, at most for the given time, so that a thread that waits long for an answer can
     * sleep in the kernel and read the answer itself ({@link #poll}) when it comes, instead of
     * being handed it by the transport's thread. A transport whose bytes wake nobody (shared
     * memory) may instead read on this thread, yielding between looks, until the answer is in or
     * for as long as it finds worth it, and then return {@code false}. Returns at once, {@code
     * false}, if the transport cannot do this, as this default does: the caller then parks until the
     * answer is delivered. May return early, also when nothing arrived; returns early when the
     * thread is interrupted.
     *
     * @param answer the future the caller waits for; its completion (by whichever thread read the
     *     answer) ends the wait
     * @param timeoutNanos the longest wait
     * @return {@code false} if the transport cannot wait this way, or no longer
     */
    default boolean awaitReadable(CompletableFuture<?> answer, long timeoutNanos) {
        return false;
    }

    /**
     * Tells whether {@link #awaitReadable} puts the calling thread to sleep in the kernel, which
     * wakes it when bytes arrive (a socket). Then a caller whose looks for its answer have lately
     * lasted longer than such a wake-up goes to sleep at once instead of looking: its look would
     * hold a processor for longer than the wake-up costs, and looks last that long mostly while
     * the peer, or the process the answer waits for, is waiting for a processor. Where waking a
     * waiting caller takes the transport's own thread (shared memory, UDP), looks go on, as with
     * this default ({@code false}).
     *
     * @return {@code true} if a thread asleep in {@link #awaitReadable} is woken by the kernel
     */
    default boolean sleepsUntilReadable() {
        return false;
    }

    /**
     * Closes the connection after trying, for a bounded time, to deliver the frames already
     * queued; the listener's {@code onClose} follows. Frames that arrive after a local close may be
     * dropped. Never blocks the caller for long, and may be called from a listener callback.
     */
    void close();

    /**
     * Tells whether the connection is open.
     *
     * @return {@code true} until it is closed from either side
     */
    boolean isOpen();

    /**
     * Describes the peer for diagnostics.
     *
     * @return for example {@code tcp://127.0.0.1:53122}
     */
    String peer();
}
