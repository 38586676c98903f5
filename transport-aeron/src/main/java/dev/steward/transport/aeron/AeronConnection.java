package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One connection, from either end: what both ends share.
 *
 * <p>Sending: {@link #send} offers the frame to the connection's exclusive publication itself when
 * it can do so at once: when no other thread is offering (a {@code tryLock}), nothing is queued
 * ahead of it, and the publication takes it without waiting. That saves the hand-over to the
 * agent's thread (a wake-up of that thread, and its next duty cycle) on the way of every call.
 * Otherwise it copies the frame and puts it on a lock-free queue, checking the bound on what a peer
 * may leave unread; either way it never blocks. Since a frame is offered directly only when
 * nothing waits in the queue, and the queue is emptied under the same lock, the frames of one
 * thread leave in order. On each duty cycle the agent moves queued frames into the connection's
 * exclusive publication: small frames gathered
 * into one message with {@code tryClaim} (up to one MTU), a larger one as a run of messages of at
 * most {@code maxMessageLength} with the first carrying the length. Every negative result of offer
 * and tryClaim is handled by name: {@code BACK_PRESSURED} waits for the next cycle, {@code
 * ADMIN_ACTION} retries at once, {@code NOT_CONNECTED} waits up to the connect timeout, {@code
 * CLOSED} and {@code MAX_POSITION_EXCEEDED} end the connection with a cause that says so.
 *
 * <p>Receiving: the subclass polls; {@link InboundFrames} rebuilds frames, which go to the
 * listener one at a time and in order: on the agent's thread, or on a client's thread that waits
 * for an answer and reads it itself ({@link OutgoingConnection#poll}).
 *
 * <p>Closing: {@link #close} lets queued frames leave (at most {@code aeron.closeTimeoutMs}), then
 * sends {@code CLOSE}; the listener's {@code onClose} follows exactly once. A peer's {@code CLOSE},
 * the end of its stream, or the end of its process closes at once.
 *
 * <p>Fields marked "agent-confined" are touched only on the agent's thread.
 */
abstract class AeronConnection extends Duty implements TransportConnection, InboundFrames.Sink {
    static final System.Logger LOG = System.getLogger(AeronConnection.class.getName());

    /** Offers per connection and duty cycle, so that one busy connection cannot starve the rest. */
    private static final int OFFERS_PER_CYCLE = 16;
    /** Small frames gathered into one message at most. */
    private static final int FRAMES_PER_BATCH = 64;

    private static final byte[] NO_BYTES = new byte[0];

    /** Where a connection is in its life. */
    enum State {
        /** Streams being set up; frames are queued, not sent. */
        SETUP,
        /** Frames flow both ways. */
        OPEN,
        /** Sending what was queued before close(), then CLOSE. */
        CLOSING,
        /** Over; the listener heard onClose (or connect() failed). */
        CLOSED
    }

    final DriverLink link;
    final AeronSettings settings;
    final InboundFrames inbound;
    final UnsafeBuffer control = new UnsafeBuffer(new byte[4096]);

    private final ConcurrentLinkedQueue<byte[]> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final String peer;
    private volatile boolean finished;

    FrameListener listener; // agent-confined once the connection runs
    State state = State.SETUP; // agent-confined
    /**
     * Set by the agent during set-up, before {@link #direct}; from then on used under {@link
     * #publishing} (Aeron's exclusive publications are for one thread at a time).
     */
    ExclusivePublication publication;
    /**
     * Guards every use of {@link #publication} once the connection is open, and the move of queued
     * frames into it, so that threads that {@link #send} can offer themselves. Held for one offer
     * at most, never while waiting.
     */
    private final ReentrantLock publishing = new ReentrantLock();
    /** Whether senders may offer to the publication themselves: open, and not closing. */
    private volatile boolean direct;
    /** Set when a queued frame answers a call that waited long: {@link #ring} once it is out. */
    private volatile boolean ringAfterFlush;

    private final BufferClaim directClaim = new BufferClaim(); // guarded by publishing
    private final UnsafeBuffer directHeader = new UnsafeBuffer(new byte[Wire.DATA_HEADER_LENGTH]); // ditto
    private final UnsafeBuffer directPayload = new UnsafeBuffer(NO_BYTES); // guarded by publishing
    PeerProcess peerProcess; // agent-confined

    // changed by the agent under publishing; senders read them under publishing
    private final List<byte[]> staged = new ArrayList<>();
    private int stagedBytes; // agent-confined
    private byte[] sending;
    private int sendingOffset; // agent-confined
    private final UnsafeBuffer header = new UnsafeBuffer(new byte[Wire.DATA_HEADER_LENGTH]);
    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[0]);
    private final BufferClaim claim = new BufferClaim();
    private long closeDeadlineNs; // agent-confined
    private boolean notConnected; // agent-confined
    private long notConnectedSinceNs; // agent-confined
    private long nextPeerCheckNs; // agent-confined
    private boolean listenerFailed; // touched by whoever delivers frames, one thread at a time

    AeronConnection(DriverLink link, AeronSettings settings, String peer) {
        this.link = link;
        this.settings = settings;
        this.peer = peer;
        this.inbound = new InboundFrames(settings.maxFrameBytes());
    }

    // ---- TransportConnection: any thread ----

    @Override
    public boolean send(ByteBuffer frame) {
        return send(frame, false);
    }

    @Override
    public boolean sendToWaiter(ByteBuffer frame) {
        return send(frame, true);
    }

    private boolean send(ByteBuffer frame, boolean ring) {
        Objects.requireNonNull(frame, "frame");
        if (closeRequested.get()) {
            return false;
        }
        int length = frame.remaining();
        if (direct && offerDirect(frame, length)) {
            if (wakeAfterDirectSend()) {
                link.agent().wake();
            }
            if (ring) {
                ring();
            }
            return true;
        }
        long queued = queuedBytes.addAndGet(length);
        // one frame is always admitted, however large: the bound is on a backlog the peer leaves
        if (queued > settings.maxQueuedBytes() && queued > length) {
            queuedBytes.addAndGet(-length);
            fail(new IOException("peer " + peer + " is not reading: " + queued + " bytes queued, more than "
                    + AeronSettings.MAX_QUEUED_BYTES + "=" + settings.maxQueuedBytes() + "; closing the connection"));
            return false;
        }
        byte[] copy = new byte[length];
        frame.get(frame.position(), copy);
        outbound.offer(copy);
        if (ring) {
            ringAfterFlush = true; // once the frame is in the publication
        }
        link.agent().wake(this);
        return true;
    }

    /**
     * Wakes a peer that waits for the frame just published, where the medium does not: see {@link
     * Doorbell}. Any thread; this default does nothing.
     */
    void ring() {}

    /**
     * Offers a frame to the publication from the calling thread, if that can be done at once and
     * in order: no other thread offering, nothing queued ahead, and the publication accepts.
     *
     * @param frame the frame
     * @param length its length
     * @return {@code true} if the frame is in the publication; {@code false} to queue it
     */
    private boolean offerDirect(ByteBuffer frame, int length) {
        if (!publishing.tryLock()) {
            return false;
        }
        try {
            if (!direct || closeRequested.get() || sending != null || !staged.isEmpty() || !outbound.isEmpty()) {
                return false;
            }
            ExclusivePublication p = publication;
            int recordLength = Wire.DATA_HEADER_LENGTH + length;
            for (int attempt = 0; attempt < 2; attempt++) {
                long result;
                if (recordLength <= p.maxPayloadLength()) {
                    result = p.tryClaim(recordLength, directClaim);
                    if (result > 0) {
                        MutableDirectBuffer buffer = directClaim.buffer();
                        int at = directClaim.offset();
                        try {
                            at += Wire.putDataHeader(buffer, at, length);
                            buffer.putBytes(at, frame, frame.position(), length);
                        } catch (RuntimeException e) {
                            directClaim.abort();
                            throw e;
                        }
                        directClaim.commit();
                    }
                } else if (recordLength <= p.maxMessageLength()) {
                    Wire.putDataHeader(directHeader, 0, length);
                    directPayload.wrap(frame, frame.position(), length);
                    try {
                        result = p.offer(directHeader, 0, Wire.DATA_HEADER_LENGTH, directPayload, 0, length);
                    } finally {
                        directPayload.wrap(NO_BYTES); // do not hold on to the caller's buffer
                    }
                } else {
                    return false; // cut into messages by the agent
                }
                if (result > 0) {
                    return true;
                }
                if (result != Publication.ADMIN_ACTION) {
                    return false; // the agent handles back-pressure and failures
                }
            }
            return false;
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Tells whether a frame that a thread offered itself needs the agent: for UDP, its driver sends
     * the frame (in {@code invoker} mode, on the agent's thread); a client also wants the agent
     * awake for the answer, unless a thread reads the answers itself.
     *
     * @return {@code true} to wake the agent
     */
    boolean wakeAfterDirectSend() {
        return udp() && !link.agent().onAgentThread();
    }

    /**
     * Tells whether senders may offer to the publication themselves: open, and not closing.
     *
     * @return {@code true} while they may
     */
    final boolean isDirect() {
        return direct;
    }

    @Override
    public void close() {
        closeRequested.set(true);
        link.agent().wake(this);
    }

    @Override
    public boolean isOpen() {
        return !closeRequested.get() && !finished;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + peer + (isOpen() ? "" : ", closed") + "]";
    }

    /**
     * Ends the connection at once, without sending what is queued. Thread-safe.
     *
     * @param cause what the listener's {@code onClose} reports
     */
    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
        closeRequested.set(true);
        link.agent().wake(this);
    }

    /**
     * Counts the bytes queued and not yet handed to Aeron.
     *
     * @return the bytes
     */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Completes once the connection is over and its listener has heard {@code onClose}. */
    CompletableFuture<Void> terminationFuture() {
        return terminated;
    }

    // ---- the duty cycle ----

    @Override
    final int doWork(long nowNs) {
        if (state == State.CLOSED) {
            return 0;
        }
        Throwable failed = failure.get();
        if (failed == null) {
            failed = link.failure();
        }
        if (failed != null) {
            finish(failed, true);
            return 1;
        }
        int work = checkPeer(nowNs);
        if (state == State.SETUP) {
            work += setup(nowNs);
            if (state != State.OPEN) {
                return work;
            }
        }
        work += pollInbound();
        if (state == State.CLOSED) {
            return work;
        }
        if (state == State.OPEN && closeRequested.get()) {
            state = State.CLOSING;
            direct = false;
            closeDeadlineNs = nowNs + settings.closeTimeoutNs();
        }
        work += flush(nowNs);
        if (state == State.CLOSING && failure.get() == null) {
            if (sending == null && staged.isEmpty() && outbound.isEmpty()) {
                long result;
                publishing.lock(); // a sender that saw direct == true is done with it after this
                try {
                    result = offerControl(Wire.encodeClose(control), nowNs);
                } finally {
                    publishing.unlock();
                }
                if (result > 0) {
                    finish(null, false);
                }
            } else if (nowNs - closeDeadlineNs > 0) {
                finish(
                        new IOException("peer " + peer + " did not take the frames queued before close() within "
                                + TimeUnit.NANOSECONDS.toMillis(settings.closeTimeoutNs()) + " ms ("
                                + AeronSettings.CLOSE_TIMEOUT_MS + "); they were dropped"),
                        false);
            }
        }
        return work;
    }

    @Override
    final boolean isFinished() {
        return finished;
    }

    @Override
    final boolean canRest() {
        return restsWhenIdle()
                && state == State.OPEN
                && !closeRequested.get()
                && sending == null
                && staged.isEmpty()
                && outbound.isEmpty()
                && !ringAfterFlush;
    }

    @Override
    final void abort() {
        finish(new IOException("the JVM is exiting"), true);
    }

    /**
     * Tells whether this end needs no duty cycle while it has nothing to send: true when another
     * duty polls for it.
     *
     * @return {@code true} if it may rest when idle
     */
    abstract boolean restsWhenIdle();

    /**
     * Advances the set-up of the streams; calls {@link #opened()} when done or {@link #finish} on
     * failure.
     *
     * @param nowNs the time
     * @return the work done
     */
    abstract int setup(long nowNs);

    /**
     * Polls what this end reads from, if it polls by itself.
     *
     * @return the work done
     */
    abstract int pollInbound();

    /** Releases the streams; the connection is over. */
    abstract void releaseStreams();

    /**
     * Reports the end: to the listener, or to a caller still waiting to connect.
     *
     * @param cause why, or {@code null}
     */
    abstract void reportClose(Throwable cause);

    /**
     * Tells whether the streams are UDP, whose publications linger until sent.
     *
     * @return {@code true} for UDP
     */
    abstract boolean udp();

    /** Marks the set-up done: frames flow, and senders may offer themselves. */
    final void opened() {
        state = State.OPEN;
        direct = true;
    }

    /**
     * Ends the connection: closes the streams, reports the close once, and lets go of the driver.
     * Agent thread.
     *
     * @param cause why, or {@code null} for an orderly close
     * @param tellPeer whether to try, without waiting, to send {@code CLOSE}
     */
    final void finish(Throwable cause, boolean tellPeer) {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasOpen = state != State.SETUP;
        state = State.CLOSED;
        direct = false;
        closeRequested.set(true);
        finished = true;
        publishing.lock(); // held by a sender only for one offer
        try {
            if (tellPeer && wasOpen && publication != null && !publication.isClosed() && sending == null) {
                // not after a partial frame: the peer would read CLOSE as the frame's next bytes
                publication.offer(control, 0, Wire.encodeClose(control));
            }
            if (publication != null) {
                if (udp()) {
                    link.linger(publication);
                } else {
                    publication.close();
                }
            }
            releaseStreams();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "releasing the streams of " + this + " failed", e);
        } finally {
            publishing.unlock();
        }
        outbound.clear();
        staged.clear();
        sending = null;
        queuedBytes.set(0);
        if (peerProcess != null) {
            peerProcess.release();
            peerProcess = null;
        }
        try {
            reportClose(cause);
        } finally {
            terminated.complete(null);
            link.release();
        }
    }

    /**
     * Tells the listener the connection ended, once.
     *
     * @param cause why, or {@code null}
     */
    final void deliverClose(Throwable cause) {
        FrameListener l = listener;
        if (l == null) {
            return;
        }
        try {
            l.onClose(cause);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, () -> "onClose of the listener for " + peer + " threw", t);
        }
    }

    // ---- receiving: InboundFrames.Sink ----

    /**
     * Reads one incoming fragment. Agent thread.
     *
     * @param buffer the buffer
     * @param offset where it starts
     * @param length how long
     */
    final void onFragment(DirectBuffer buffer, int offset, int length) {
        if (state == State.CLOSED) {
            return;
        }
        inbound.onFragment(buffer, offset, length, this);
    }

    @Override
    public final void onFrame(ByteBuffer frame) {
        if (!delivering()) {
            return;
        }
        try {
            listener.onFrame(frame);
        } catch (Throwable t) {
            listenerFailed(t);
        }
    }

    @Override
    public final void onOversizedFrame(long length) {
        if (!delivering()) {
            return;
        }
        try {
            listener.onOversizedFrame(length);
        } catch (Throwable t) {
            listenerFailed(t);
        }
    }

    @Override
    public void onControl(byte type, DirectBuffer buffer, int offset, int length) {
        if (type == Wire.CLOSE) {
            // the peer closed in order: what it sent before is delivered; what is queued here is dropped
            finish(null, false);
        } else {
            onViolation("unexpected control record " + type);
        }
    }

    @Override
    public final void onViolation(String problem) {
        LOG.log(Level.WARNING, "closing " + this + ": " + problem);
        fail(new IOException("the stream from " + peer + " does not follow Steward's Aeron record layout: " + problem));
    }

    private boolean delivering() {
        // frames that arrive after a local close are dropped, as the SPI allows
        return listener != null && !listenerFailed && !closeRequested.get() && state != State.CLOSED;
    }

    private void listenerFailed(Throwable t) {
        listenerFailed = true;
        LOG.log(Level.WARNING, () -> "the listener for " + peer + " threw; closing the connection", t);
        fail(t);
    }

    // ---- sending ----

    private int flush(long nowNs) {
        if (publication == null) {
            return 0;
        }
        if (sending == null && staged.isEmpty() && outbound.isEmpty()) {
            ringIfFlushed();
            return 0;
        }
        if (!publishing.tryLock()) {
            return 0; // a sender is offering: next cycle (the duty stays active while frames wait)
        }
        int work;
        try {
            work = flushLocked(nowNs);
        } finally {
            publishing.unlock();
        }
        ringIfFlushed();
        return work;
    }

    /** Rings, if a frame asked for it, once every frame queued so far is in the publication. Agent thread. */
    private void ringIfFlushed() {
        if (ringAfterFlush && sending == null && staged.isEmpty() && outbound.isEmpty()) {
            ringAfterFlush = false;
            ring();
        }
    }

    private int flushLocked(long nowNs) {
        int work = 0;
        for (int i = 0; i < OFFERS_PER_CYCLE; i++) {
            if (sending == null) {
                if (staged.isEmpty()) {
                    byte[] next = outbound.peek();
                    if (next == null) {
                        break;
                    }
                    if (Wire.DATA_HEADER_LENGTH + next.length > publication.maxPayloadLength()) {
                        sending = outbound.poll();
                        sendingOffset = -1;
                        payload.wrap(sending);
                    }
                }
                if (sending == null) {
                    long result = sendBatch();
                    if (result < 0) {
                        if (retryNow(result, nowNs)) {
                            continue;
                        }
                        break;
                    }
                    work++;
                    continue;
                }
            }
            long result = sendChunk();
            if (result < 0) {
                if (retryNow(result, nowNs)) {
                    continue;
                }
                break;
            }
            work++;
            if (sendingOffset == sending.length) {
                queuedBytes.addAndGet(-sending.length);
                sending = null;
            }
        }
        return work;
    }

    /** Gathers small frames into one message of at most one MTU, written in place. */
    private long sendBatch() {
        int max = publication.maxPayloadLength();
        byte[] next;
        while (staged.size() < FRAMES_PER_BATCH
                && (next = outbound.peek()) != null
                && stagedBytes + Wire.DATA_HEADER_LENGTH + next.length <= max) {
            staged.add(outbound.poll());
            stagedBytes += Wire.DATA_HEADER_LENGTH + next.length;
        }
        long result = publication.tryClaim(stagedBytes, claim);
        if (result > 0) {
            MutableDirectBuffer buffer = claim.buffer();
            int at = claim.offset();
            long sent = 0;
            for (int i = 0; i < staged.size(); i++) {
                byte[] frame = staged.get(i);
                at += Wire.putDataHeader(buffer, at, frame.length);
                buffer.putBytes(at, frame);
                at += frame.length;
                sent += frame.length;
            }
            claim.commit();
            staged.clear();
            stagedBytes = 0;
            queuedBytes.addAndGet(-sent);
            notConnected = false;
        }
        return result;
    }

    /** Offers the next part of a large frame: the header with its first bytes, or the next bytes. */
    private long sendChunk() {
        int max = publication.maxMessageLength();
        long result;
        if (sendingOffset < 0) {
            Wire.putDataHeader(header, 0, sending.length);
            int first = Math.min(sending.length, max - Wire.DATA_HEADER_LENGTH);
            result = publication.offer(header, 0, Wire.DATA_HEADER_LENGTH, payload, 0, first);
            if (result > 0) {
                sendingOffset = first;
            }
        } else {
            int n = Math.min(sending.length - sendingOffset, max);
            result = publication.offer(payload, sendingOffset, n);
            if (result > 0) {
                sendingOffset += n;
            }
        }
        if (result > 0) {
            notConnected = false;
        }
        return result;
    }

    /**
     * Offers a control record written in {@link #control}, handling failures like any offer.
     *
     * @param length the record's length
     * @param nowNs the time
     * @return the offer's result
     */
    final long offerControl(int length, long nowNs) {
        long result = publication.offer(control, 0, length);
        for (int attempt = 0; attempt < 3 && result < 0 && retryNow(result, nowNs); attempt++) {
            result = publication.offer(control, 0, length);
        }
        if (result > 0) {
            notConnected = false;
        }
        return result;
    }

    /**
     * Handles a negative offer or tryClaim result by name.
     *
     * @param result the result
     * @param nowNs the time
     * @return {@code true} to retry at once, {@code false} to wait for the next cycle (or because the
     *     connection is failing)
     */
    private boolean retryNow(long result, long nowNs) {
        if (result == Publication.BACK_PRESSURED) {
            // the peer has not caught up: its window is full; try again next cycle
            return false;
        } else if (result == Publication.ADMIN_ACTION) {
            // a term rotation or similar: the next attempt normally succeeds
            return true;
        } else if (result == Publication.NOT_CONNECTED) {
            // no subscriber: the peer is gone or going; other signals normally close first
            if (!notConnected) {
                notConnected = true;
                notConnectedSinceNs = nowNs;
            } else if (nowNs - notConnectedSinceNs > settings.connectTimeoutNs()) {
                fail(new IOException("the stream to " + peer + " has had no subscriber for "
                        + TimeUnit.NANOSECONDS.toMillis(nowNs - notConnectedSinceNs)
                        + " ms (NOT_CONNECTED): the peer is gone"));
            }
            return false;
        } else if (result == Publication.CLOSED) {
            fail(new IOException("the publication to " + peer + " was closed under this connection (CLOSED)"));
            return false;
        } else if (result == Publication.MAX_POSITION_EXCEEDED) {
            fail(new IOException("the stream to " + peer + " reached its maximum position (MAX_POSITION_EXCEEDED,"
                    + " term length x 2^31 bytes); connect again, or use a larger " + AeronSettings.TERM_LENGTH));
            return false;
        }
        fail(new IOException("unexpected result " + Wire.describe(result) + " offering to " + peer));
        return false;
    }

    // ---- the peer's process ----

    private int checkPeer(long nowNs) {
        PeerProcess process = peerProcess;
        if (process == null || settings.peerCheckNs() == 0 || nowNs - nextPeerCheckNs < 0) {
            return 0;
        }
        // a little early, so that a resting connection, run once per sweep, checks on every sweep
        nextPeerCheckNs = nowNs + settings.peerCheckNs() - TransportAgent.SWEEP_NS / 10;
        if (process.isAlive(nowNs, settings.peerCheckNs() / 2)) {
            return 0;
        }
        fail(new IOException("the process " + process.pid() + " at the other end (" + peer + ") has ended"));
        return 1;
    }
}
