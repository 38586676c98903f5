package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.exceptions.RegistrationException;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.aeron.status.ChannelEndpointStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.DirectBuffer;

/**
 * The client's end: subscribes to a reply stream of its own, publishes to the node's request
 * stream, and opens with {@code CONNECT}, which tells the node where the replies go; the node's
 * {@code ACCEPTED} completes {@code connect()}.
 *
 * <p>Replies are read by the agent, or by a thread that waits for one and calls {@link #poll}
 * (whoever holds {@link #reading} reads; the other skips). A thread that reads its own reply sees it
 * without a hand-over from the agent (the agent's turn, the future's completion, the caller's next
 * look). While a thread reads, the agent leaves this connection's replies to it, and on IPC a
 * request that thread sends does not wake the agent (no driver moves the bytes there): a call keeps
 * two threads busy (the caller and the node's agent), not three, which on two cores is the
 * difference between about 1.5 and 5 µs. Over IPC a waiting thread reads on in {@link
 * #awaitReadable} for up to {@code aeron.callerReadUs}, and wakes the agent when it stops there (to
 * park). Over UDP (or with {@code aeron.callerReadUs=0}), if a wait lasts longer than {@link
 * #HANDOVER_NS}, the reader wakes the agent, which then looks for the answer for a window that
 * outlasts its own work ({@link AgentIdleStrategy#wakeFor}), so that a slow answer is delivered as
 * fast as before; once the reader has its answer, the agent rests again. A caller that stops to
 * park has the agent look until its answer is in, for at most a window ({@link
 * AgentIdleStrategy#lookFor}).
 */
final class OutgoingConnection extends AeronConnection {
    private static final int FRAGMENTS_PER_POLL = 64;
    /**
     * How long a thread waits, reading by itself, before the agent is woken to take over: a little
     * less than the 50 µs for which the runtime's callers read before they park ({@code
     * steward.client.spinMicros}), so that the agent runs by the time the caller parks. Earlier
     * hand-overs cost throughput: each makes the agent a third busy thread for a while.
     */
    static final long HANDOVER_NS = TimeUnit.MICROSECONDS.toNanos(40);
    /**
     * How long the agent then looks for the answer without parking (unless the answer comes
     * first), and over IPC also for a caller that parks: answers that take longer than a spin,
     * such as a lock that another process releases, are then delivered at once rather than after a
     * park of up to 250 µs. Costs at most this much processor time per call that waits this long;
     * by then the caller has itself read for {@code aeron.callerReadUs}.
     */
    static final long HANDOVER_WINDOW_NS = TimeUnit.MICROSECONDS.toNanos(500);
    /**
     * How long the agent looks for the answer of a caller that parks, over UDP, where the caller
     * cannot read for itself (the answer comes through the embedded driver, which the agent runs)
     * and the agent is its only reader: until the answer is in, for at most 2 ms, so that the
     * answer to a call that waits on the node for a few hundred microseconds (a fair lock passed
     * round four processes) is received at once, rather than at the end of a park or through the
     * node's doorbell (three wake-ups). With 500 µs, four lock workers on two cores did
     * 3.4-3.9k fair increments/s, with 2 ms 4.5-5.1k (docs/benchmarks-history.md). Costs the agent's
     * yields until the answer, at most 2 ms per call.
     */
    static final long UDP_HANDOVER_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(2);

    private static final int GAVE_UP_ALL = 1 << 10;
    /** One wait in this many reads for its answer whatever the recent waits say. */
    static final int SAMPLE_EVERY = 8;
    /** While a thread read the replies this recently, the agent leaves them to it. */
    static final long READER_ACTIVE_NS = TimeUnit.MICROSECONDS.toNanos(10);
    /** How recently a thread must have read by itself for its next request to count on it. */
    private static final long FOLLOWED_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private final String address;
    private final String requestChannel;
    private final int requestStream;
    private final boolean ipc;
    /** How long a waiting caller reads by itself before it parks: {@code aeron.callerReadUs} on IPC, else 0. */
    private final long callerReadNs;
    /** Whether callers that look for their answers run the embedded driver ({@code aeron.callerDrives}, UDP). */
    private final boolean callerDrives;
    /**
     * Looks without a yield where a caller runs the driver: a look is a duty cycle with system calls
     * (a microsecond or more), and a caller that spins 64 of them holds a processor for over 100 µs
     * that the node or another process needs. With 4, the harness's UDP queue round trips and
     * locked increments gained, where 64 lost almost half the queue round trips (docs/benchmarks.md).
     */
    static final int DRIVING_BUSY_POLLS = 4;
    /** How long the agent looks for an answer once a waiting caller stops reading. */
    private final long handoverWindowNs;
    /** The moving fraction of callers that read in vain for {@link #callerReadNs}, in 1/{@link #GAVE_UP_ALL}. */
    private int gaveUp; // racy on purpose: an estimate

    private int awaits; // racy on purpose: only spreads the samples

    private final String replyHost;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final FragmentHandler replyHandler = this::onReply;
    private final ControlledFragmentHandler followerHandler = this::onReplyRead;

    /** Who reads the reply stream now: the agent, one thread in {@link #poll}, or nobody. */
    private final AtomicReference<Thread> reading = new AtomicReference<>();
    /** When a thread last read the replies by itself ({@link System#nanoTime}). */
    private volatile long readByCallerNs;
    /** The thread that last read the replies by itself. */
    private volatile Thread lastReader;

    private long waitStartNs; // guarded by reading
    private long lastReadNs; // guarded by reading
    private boolean handedOver; // guarded by reading
    private boolean controlSeen; // guarded by reading
    /** Set when a reading thread left a control record ({@code CLOSE}) for the agent. */
    private volatile boolean controlPending;

    private long subscriptionRegistration = Aeron.NULL_VALUE; // agent-confined
    private long publicationRegistration = Aeron.NULL_VALUE; // agent-confined
    private Subscription replies; // agent-confined
    private int replyStream; // agent-confined
    private String replyEndpoint; // agent-confined
    private boolean connectSent; // agent-confined
    private boolean nodeKnown; // agent-confined
    private int nodeSession; // agent-confined
    private long setupDeadlineNs; // agent-confined
    /** The process's doorbell while this connection holds it. */
    private volatile Doorbell doorbell;

    /**
     * Creates the connection; {@link #start} sets up its streams.
     *
     * @param link the driver
     * @param settings the settings
     * @param address the node's address, for messages
     * @param requestEndpoint the node's {@code host:port} for UDP, {@code null} for IPC
     * @param requestStream the node's request stream
     * @param replyHost for UDP, the address of this host that the node can reach
     * @param listener receives the frames
     */
    OutgoingConnection(
            DriverLink link,
            AeronSettings settings,
            String address,
            String requestEndpoint,
            int requestStream,
            String replyHost,
            FrameListener listener) {
        super(link, settings, address);
        this.address = address;
        this.ipc = requestEndpoint == null;
        this.callerReadNs = ipc ? settings.callerReadNs() : 0;
        this.callerDrives = !ipc && settings.callerDrives() && link.runsDriver();
        this.handoverWindowNs = ipc ? HANDOVER_WINDOW_NS : UDP_HANDOVER_WINDOW_NS;
        this.requestChannel = Channels.publication(requestEndpoint, settings);
        this.requestStream = requestStream;
        this.replyHost = replyHost;
        this.listener = listener;
        long longAgo = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        this.readByCallerNs = longAgo;
        this.lastReadNs = longAgo;
    }

    /** Asks the driver for the streams and starts the duty. Agent thread. */
    void start() {
        setupDeadlineNs = System.nanoTime() + settings.connectTimeoutNs();
        try {
            Aeron aeron = link.aeron();
            replyStream = Channels.uniqueStream(aeron);
            String replyChannel =
                    Channels.subscription(ipc ? null : new AeronAddress.HostPort(replyHost, 0).toString());
            subscriptionRegistration =
                    aeron.asyncAddSubscription(replyChannel, replyStream, null, this::onRepliesUnavailable);
            publicationRegistration = aeron.asyncAddExclusivePublication(requestChannel, requestStream);
        } catch (RuntimeException e) {
            fail(new IOException("cannot set up Aeron streams to " + address + ": " + e.getMessage(), e));
        }
        link.agent().addDuty(this);
    }

    /**
     * Waits until the node accepted. User thread.
     *
     * @throws IOException if it did not
     */
    void awaitConnected() throws IOException {
        long waitNs = settings.connectTimeoutNs() + TimeUnit.SECONDS.toNanos(2);
        try {
            connected.get(waitNs, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new IOException("interrupted while connecting"));
            InterruptedIOException interrupted =
                    new InterruptedIOException("interrupted while connecting to " + address);
            interrupted.initCause(e);
            throw interrupted;
        } catch (TimeoutException e) {
            fail(new IOException("connecting timed out"));
            throw new IOException("cannot connect to " + address + ": the steward-aeron thread did not finish within "
                    + TimeUnit.NANOSECONDS.toMillis(waitNs) + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            throw new IOException("cannot connect to " + address + ": " + cause, cause);
        }
    }

    @Override
    int setup(long nowNs) {
        Aeron aeron = link.aeron();
        try {
            if (replies == null) {
                replies = aeron.getSubscription(subscriptionRegistration);
            }
            if (publication == null) {
                publication = aeron.getExclusivePublication(publicationRegistration);
            }
        } catch (RegistrationException e) {
            finish(
                    new IOException(
                            "cannot connect to " + address + ": the media driver refused a stream: " + e.getMessage(),
                            e),
                    false);
            return 1;
        }
        if (!isOpen()) {
            finish(new IOException("the connection to " + address + " was closed while connecting"), false);
            return 1;
        }
        int work = 0;
        if (replies != null && publication != null) {
            if (!ipc && replyEndpoint == null) {
                if (replies.channelStatus() == ChannelEndpointStatus.ERRORED) {
                    finish(
                            new IOException("cannot connect to " + address + ": cannot open a UDP port on " + replyHost
                                    + " for the node's replies"),
                            false);
                    return 1;
                }
                String resolved = replies.resolvedEndpoint();
                if (resolved != null) {
                    int port = AeronAddress.HostPort.parse(resolved, resolved).port();
                    replyEndpoint = new AeronAddress.HostPort(replyHost, port).toString();
                }
            }
            if ((ipc || replyEndpoint != null) && !connectSent && publication.isConnected()) {
                if (doorbell == null) {
                    doorbell = Doorbell.acquire(this, doorbellAddress());
                }
                Wire.Connect connect = new Wire.Connect(
                        Wire.VERSION,
                        replyStream,
                        ipc ? "" : replyEndpoint,
                        PeerProcess.local(),
                        doorbell == null ? 0 : doorbell.port());
                if (offerControl(Wire.encode(control, connect), nowNs) > 0) {
                    connectSent = true;
                    work++;
                }
            }
            if (connectSent) {
                work += pollInbound(); // ACCEPTED opens the connection: from then on threads may read too
            }
        }
        if (state == State.SETUP && nowNs - setupDeadlineNs > 0) {
            finish(new IOException(timeoutMessage()), false);
        }
        return work;
    }

    private String timeoutMessage() {
        long ms = TimeUnit.NANOSECONDS.toMillis(settings.connectTimeoutNs());
        String limit = " within " + ms + " ms (" + AeronSettings.CONNECT_TIMEOUT_MS + ")";
        if (replies == null || publication == null) {
            return "cannot connect to " + address + ": the media driver did not set up the streams" + limit;
        }
        if (!ipc && replyEndpoint == null) {
            return "cannot connect to " + address + ": no UDP port opened on " + replyHost + " for replies" + limit;
        }
        if (!connectSent) {
            return "cannot connect to " + address + ": no Steward node listens there (nothing subscribed to stream "
                    + requestStream + limit + ")";
        }
        return "cannot connect to " + address + ": the node did not answer" + limit
                + (ipc ? "" : "; can it send UDP to " + replyEndpoint + "?");
    }

    @Override
    int pollInbound() {
        if (since(readByCallerNs) < READER_ACTIVE_NS && !controlPending) {
            return 0; // a caller reads, and gets its answer first this way
        }
        Thread self = Thread.currentThread();
        if (!reading.compareAndSet(null, self)) {
            return 0; // a caller reads
        }
        try {
            controlPending = false;
            return replies.poll(replyHandler, FRAGMENTS_PER_POLL);
        } finally {
            reading.set(null);
        }
    }

    /**
     * Reads the replies on the calling thread, unless another thread (or the agent) is reading.
     * Control records ({@code CLOSE}) are left to the agent. Over UDP with the embedded driver (and
     * {@code aeron.callerDrives}, the default), first runs one duty cycle of the driver ({@link
     * DriverLink#drive}), which sends what the caller offered and receives what has come: the
     * caller's look then needs no other thread, as over IPC. Any thread.
     *
     * @return {@code true} if it delivered frames
     */
    @Override
    public boolean poll() {
        if (callerDrives) {
            if (!Thread.currentThread().isInterrupted()) { // see DriverLink.drive
                link.drive(); // this caller's request leaves, and its answer comes in, on this thread
            }
            return read(false); // it hands over when it stops to park (awaitReadable)
        }
        // a caller that will read on in awaitReadable hands over when it gives up there
        return read(callerReadNs == 0);
    }

    /**
     * Over IPC, 16: a poll reads shared memory (tens of nanoseconds), so that is about one round
     * trip (1-2 µs on the test machine). A longer spin holds a processor the node may need: with a
     * queue client, its echo and the node on two cores, the harness's queue round trips went from
     * 10-24k to 21-30k/s with this and {@code aeron.callerReadUs} together (docs/benchmarks-history.md).
     * Over UDP, where answers take tens of microseconds: {@link #DRIVING_BUSY_POLLS} where the caller
     * runs the driver (each look a {@code recvmsg}), else the default.
     */
    @Override
    public int busyPolls() {
        return ipc ? 16 : callerDrives ? DRIVING_BUSY_POLLS : DEFAULT_BUSY_POLLS;
    }

    /**
     * Waits for an answer over IPC by reading the replies on the calling thread, yielding the
     * processor between looks, for up to {@code aeron.callerReadUs}: on shared memory nothing
     * wakes a parked thread when the answer comes, so a caller that parks must be woken by the
     * transport thread, which must itself be awake and looking; on a small machine that costs a
     * wait of several processes far more than the caller's own looks, which give way to whoever
     * needs the processor. When the time is up, or the thread is interrupted, the transport thread
     * takes over and this returns {@code false}, so the caller parks; while most recent waits
     * ran out of time, callers park at once ({@link #readingPays}). Over UDP (and with {@code
     * aeron.callerReadUs=0}) the answer comes through the embedded driver, which the transport
     * thread runs: this wakes that thread to look for it for a while ({@link
     * #UDP_HANDOVER_WINDOW_NS}, {@link #HANDOVER_WINDOW_NS} on IPC) and returns {@code false} at
     * once, so the caller parks.
     */
    @Override
    public boolean awaitReadable(CompletableFuture<?> answer, long timeoutNanos) {
        if (callerReadNs == 0) {
            return handOver(answer);
        }
        if (!readingPays()) {
            return handOver(answer);
        }
        long startNs = System.nanoTime();
        long limitNs = Math.min(timeoutNanos, callerReadNs);
        while (!answer.isDone()) {
            if (Thread.currentThread().isInterrupted() || !isDirect()) {
                return handOver(answer);
            }
            if (System.nanoTime() - startNs > limitNs) {
                if (limitNs == callerReadNs) {
                    gaveUp += (GAVE_UP_ALL - gaveUp) / 8;
                }
                return handOver(answer);
            }
            if (!read(false)) {
                Thread.yield();
            }
        }
        gaveUp -= gaveUp / 8;
        return true;
    }

    /**
     * Tells whether a caller should read on for its answer: not while most recent callers gave up
     * after {@code aeron.callerReadUs} (their answers take longer, as for a lock whose holder keeps
     * taking it back), since then the reading only takes processor time from the process that will
     * answer; one call in {@link #SAMPLE_EVERY} reads anyway, so that answers that come sooner
     * again are noticed.
     */
    private boolean readingPays() {
        return gaveUp < GAVE_UP_ALL / 2 || ++awaits % SAMPLE_EVERY == 0;
    }

    /** This thread parks until its answer is in: the agent reads from now on. */
    private boolean handOver(CompletableFuture<?> answer) {
        link.agent().lookFor(answer, handoverWindowNs);
        return false;
    }

    private boolean read(boolean mayHandOver) {
        Thread self = Thread.currentThread();
        if (!isDirect() || !reading.compareAndSet(null, self)) {
            return false;
        }
        boolean wakeAgent = false;
        boolean handOver = false;
        boolean calmAgent = false;
        try {
            if (!isDirect()) {
                return false; // closing: the agent reads what is left
            }
            long nowNs = System.nanoTime();
            readByCallerNs = nowNs;
            if (lastReader != self) {
                lastReader = self;
            }
            link.agent().readByCaller(nowNs);
            if (nowNs - lastReadNs > READER_ACTIVE_NS) { // a new wait
                waitStartNs = nowNs;
                handedOver = false;
            }
            lastReadNs = nowNs;
            int fragments = replies.controlledPoll(followerHandler, FRAGMENTS_PER_POLL);
            if (controlSeen) {
                controlSeen = false;
                controlPending = true;
                wakeAgent = true;
            }
            if (fragments > 0) {
                waitStartNs = nowNs;
                calmAgent = handedOver; // what the agent was woken to read has come: it may rest
                handedOver = false;
                return true;
            }
            if (mayHandOver && !handedOver && nowNs - waitStartNs > HANDOVER_NS) {
                // a long wait: the caller may stop reading and park; have the agent read as well
                handedOver = true;
                handOver = true;
            }
            return false;
        } finally {
            reading.set(null);
            if (handOver) {
                link.agent().wakeFor(HANDOVER_WINDOW_NS);
            } else if (wakeAgent) {
                link.agent().wake();
            } else if (calmAgent) {
                link.agent().calm();
            }
        }
    }

    private ControlledFragmentHandler.Action onReplyRead(DirectBuffer buffer, int offset, int length, Header header) {
        if (!inbound.midFrame() && length > 0 && buffer.getByte(offset) != Wire.DATA) {
            controlSeen = true;
            return ControlledFragmentHandler.Action.ABORT; // for the agent
        }
        onReply(buffer, offset, length, header);
        return ControlledFragmentHandler.Action.CONTINUE;
    }

    private static long since(long sinceNs) {
        return System.nanoTime() - sinceNs;
    }

    @Override
    boolean wakeAfterDirectSend() {
        if (link.agent().onAgentThread()) {
            return false;
        }
        // on IPC the bytes need no driver; the agent is needed only if no thread reads the reply
        return !ipc || lastReader != Thread.currentThread() || since(readByCallerNs) > FOLLOWED_NS;
    }

    private void onReply(DirectBuffer buffer, int offset, int length, Header header) {
        if (!nodeKnown) {
            nodeKnown = true;
            nodeSession = header.sessionId();
        } else if (header.sessionId() != nodeSession) {
            return;
        }
        onFragment(buffer, offset, length);
    }

    @Override
    public void onControl(byte type, DirectBuffer buffer, int offset, int length) {
        if (type != Wire.ACCEPTED || state != State.SETUP) {
            super.onControl(type, buffer, offset, length);
            return;
        }
        Wire.Accepted accepted;
        try {
            accepted = Wire.decodeAccepted(buffer, offset, length);
        } catch (IllegalArgumentException e) {
            onViolation("malformed ACCEPTED: " + e.getMessage());
            return;
        }
        if (accepted.version() != Wire.VERSION) {
            fail(new IOException("the node at " + address + " speaks version " + accepted.version()
                    + " of Steward's Aeron transport, this client version " + Wire.VERSION));
            return;
        }
        peerProcess = PeerProcess.acquire(accepted.peer(), ipc);
        opened();
        connected.complete(null);
    }

    private void onRepliesUnavailable(Image image) {
        if (nodeKnown && image.sessionId() == nodeSession && state != State.CLOSED) {
            fail(new IOException("the stream from the node at " + address
                    + " ended (the node closed it, or its process or media driver stopped)"));
        }
    }

    /** Where the node can reach this process's doorbell: loopback for IPC, the reply address for UDP. */
    private InetAddress doorbellAddress() {
        if (ipc) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(replyHost); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /**
     * The node rang the doorbell: an answer to a call that waited long has come. Reads it on the
     * doorbell's thread, or has the agent read it if another thread reads at this moment.
     */
    void onDoorbell() {
        if (!poll() && isOpen()) {
            link.agent().wake();
        }
    }

    @Override
    void releaseStreams() {
        Doorbell d = doorbell;
        if (d != null) {
            doorbell = null;
            d.release(this);
        }
        Aeron aeron = link.aeron();
        boolean clientWorks = link.failure() == null && !aeron.isClosed();
        if (replies != null) {
            // a caller may be reading (isDirect() is false by now, so none starts); or this thread,
            // the agent, is reading, and read CLOSE
            Thread self = Thread.currentThread();
            for (int i = 0; reading.get() != self && !reading.compareAndSet(null, self); i++) {
                if (i < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            replies.close();
        } else if (subscriptionRegistration != Aeron.NULL_VALUE && clientWorks) {
            aeron.asyncRemoveSubscription(subscriptionRegistration);
        }
        if (publication == null && publicationRegistration != Aeron.NULL_VALUE && clientWorks) {
            aeron.asyncRemovePublication(publicationRegistration);
        }
    }

    @Override
    void reportClose(Throwable cause) {
        if (connected.isDone()) {
            deliverClose(cause);
        } else {
            connected.completeExceptionally(
                    cause != null
                            ? cause
                            : new IOException("the connection to " + address + " closed while connecting"));
        }
    }

    @Override
    boolean restsWhenIdle() {
        return false; // it polls its own reply stream
    }

    @Override
    boolean udp() {
        return !ipc;
    }
}
