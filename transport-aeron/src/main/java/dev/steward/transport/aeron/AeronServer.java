package dev.steward.transport.aeron;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.exceptions.RegistrationException;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.logbuffer.Header;
import io.aeron.status.ChannelEndpointStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;

/**
 * A node's listening end: one subscription to the node's request stream, on which every client's
 * exclusive publication appears as an image of its own session. A new session's first record must
 * be {@code CONNECT}; the server then opens the client's {@link AcceptedConnection} and asks the
 * acceptor for its listener. Images that do not start with {@code CONNECT} are ignored.
 */
final class AeronServer extends Duty implements ServerTransport, FragmentHandler {
    private static final System.Logger LOG = System.getLogger(AeronServer.class.getName());
    private static final int FRAGMENTS_PER_POLL = 256;
    /** How long close() lets connections send what they hold before closing them outright. */
    private static final long GRACEFUL_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
    /** How long close() then waits for the outright closes. */
    private static final long FORCED_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private enum State {
        REGISTERING,
        LISTENING,
        CLOSING,
        CLOSED
    }

    private final DriverLink link;
    private final AeronSettings settings;
    private final AeronAddress requested;
    private final ConnectionAcceptor acceptor;
    private final CompletableFuture<URI> bound = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile URI address;

    private State state = State.REGISTERING; // agent-confined
    private long registration = Aeron.NULL_VALUE; // agent-confined
    private Subscription subscription; // agent-confined
    private int streamId; // agent-confined
    private long deadlineNs; // agent-confined
    private boolean forced; // agent-confined
    private final Int2ObjectHashMap<AcceptedConnection> sessions = new Int2ObjectHashMap<>(); // agent-confined
    private final IntHashSet ignored = new IntHashSet(); // agent-confined
    private boolean finished; // agent-confined
    private IOException startFailure; // agent-confined

    AeronServer(DriverLink link, AeronSettings settings, AeronAddress requested, ConnectionAcceptor acceptor) {
        this.link = link;
        this.settings = settings;
        this.requested = requested;
        this.acceptor = acceptor;
    }

    /** Subscribes to the request stream and starts the duty. Agent thread. */
    void start() {
        deadlineNs = System.nanoTime() + settings.connectTimeoutNs();
        try {
            Aeron aeron = link.aeron();
            if (requested.stream() != null) {
                streamId = requested.stream();
            } else {
                streamId = requested.media() == AeronAddress.Media.UDP
                        ? Channels.DEFAULT_UDP_STREAM
                        : Channels.uniqueStream(aeron);
            }
            registration = aeron.asyncAddSubscription(
                    Channels.subscription(requested.endpoint()), streamId, null, this::onImageUnavailable);
        } catch (RuntimeException e) {
            bound.completeExceptionally(new IOException("cannot listen on " + requested + ": " + e.getMessage(), e));
            state = State.CLOSED;
            finished = true;
            closed.complete(null);
            link.release();
            return;
        }
        link.agent().addDuty(this);
    }

    /**
     * Waits until the subscription is in place. User thread.
     *
     * @throws IOException if it cannot be
     */
    void awaitBound() throws IOException {
        long waitNs = settings.connectTimeoutNs() + TimeUnit.SECONDS.toNanos(2);
        try {
            bound.get(waitNs, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            InterruptedIOException interrupted =
                    new InterruptedIOException("interrupted while listening on " + requested);
            interrupted.initCause(e);
            throw interrupted;
        } catch (TimeoutException e) {
            close();
            throw new IOException("cannot listen on " + requested + ": the steward-aeron thread did not finish within "
                    + TimeUnit.NANOSECONDS.toMillis(waitNs) + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io
                    ? new IOException(io.getMessage(), io)
                    : new IOException("cannot listen on " + requested + ": " + cause, cause);
        }
    }

    @Override
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        if (TransportAgent.onAnyAgentThread()) {
            return; // waiting here would stall the very thread that does the closing
        }
        try {
            closed.get(
                    GRACEFUL_CLOSE_NANOS + FORCED_CLOSE_NANOS + TimeUnit.MILLISECONDS.toNanos(500),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "server " + address + " closed, but some connections are still closing");
        }
    }

    @Override
    public String toString() {
        return "AeronServer[" + (address != null ? address : requested) + "]";
    }

    // ---- the duty cycle ----

    @Override
    int doWork(long nowNs) {
        switch (state) {
            case REGISTERING:
                return register(nowNs);
            case LISTENING:
                if (closeRequested.get()) {
                    beginClose(nowNs);
                    return 1;
                }
                return poll();
            case CLOSING:
                return closing(nowNs);
            case CLOSED:
            default:
                return 0;
        }
    }

    private int register(long nowNs) {
        Throwable failure = link.failure();
        if (failure == null && subscription == null) {
            try {
                subscription = link.aeron().getSubscription(registration);
            } catch (RegistrationException e) {
                failure = e;
            }
        }
        if (failure == null && closeRequested.get()) {
            failure = startFailure != null ? startFailure : new IOException("closed while starting");
        }
        if (failure == null && subscription != null && requested.media() == AeronAddress.Media.UDP) {
            if (subscription.channelStatus() == ChannelEndpointStatus.ERRORED) {
                failure = new IOException("the media driver could not bind " + requested.endpoint() + " (in use?)");
            } else if (subscription.resolvedEndpoint() == null) {
                if (nowNs - deadlineNs > 0) {
                    failure = new IOException("the media driver did not bind " + requested.endpoint() + " in time");
                } else {
                    return 0;
                }
            }
        }
        if (failure != null) {
            if (subscription != null) {
                subscription.close();
            } else if (link.failure() == null) {
                link.aeron().asyncRemoveSubscription(registration);
            }
            bound.completeExceptionally(
                    new IOException("cannot listen on " + requested + ": " + failure.getMessage(), failure));
            state = State.CLOSED;
            finished = true;
            closed.complete(null);
            link.release();
            return 1;
        }
        if (subscription == null) {
            if (nowNs - deadlineNs > 0) {
                // failing on the next cycle, with this as the cause
                closeRequested.set(true);
                startFailure = new IOException("the media driver did not register the subscription within "
                        + TimeUnit.NANOSECONDS.toMillis(settings.connectTimeoutNs()) + " ms");
            }
            return 0;
        }
        address = reportedAddress();
        state = State.LISTENING;
        bound.complete(address);
        LOG.log(Level.DEBUG, () -> "listening on " + address);
        return 1;
    }

    /**
     * The address clients use: the endpoint with its port resolved, the stream, for IPC the driver's
     * directory, and the sizes the node asked for; not the node's own preferences (idle strategy and
     * the like), which are no business of its clients.
     */
    private URI reportedAddress() {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (String option : List.of(AeronSettings.TERM_LENGTH, AeronSettings.MTU)) {
            String value = requested.option(option);
            if (value != null) {
                extra.put(option, value);
            }
        }
        String endpoint = null;
        if (requested.media() == AeronAddress.Media.IPC) {
            extra.put(AeronSettings.DIR, link.directory().toString());
        } else {
            AeronAddress.HostPort wanted = requested.hostPort();
            int port = AeronAddress.HostPort.parse(subscription.resolvedEndpoint(), requested.toString())
                    .port();
            endpoint = new AeronAddress.HostPort(wanted.host(), port).toString();
        }
        return new AeronAddress(requested.media(), endpoint, streamId, extra).toUri();
    }

    private int poll() {
        if (link.failure() != null) {
            closeRequested.set(true);
            return 0;
        }
        return subscription.poll(this, FRAGMENTS_PER_POLL);
    }

    @Override
    public void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        int session = header.sessionId();
        AcceptedConnection connection = sessions.get(session);
        if (connection != null) {
            connection.onFragment(buffer, offset, length);
            return;
        }
        if (ignored.contains(session)) {
            return;
        }
        ignored.add(session); // until a CONNECT proves otherwise
        if (state != State.LISTENING) {
            return;
        }
        if (header.flags() != FrameDescriptor.UNFRAGMENTED || length < 1 || buffer.getByte(offset) != Wire.CONNECT) {
            LOG.log(
                    Level.WARNING,
                    "ignoring a stream on " + address + " (session " + session
                            + ") that does not start with CONNECT: not a Steward client");
            return;
        }
        Wire.Connect connect;
        try {
            connect = Wire.decodeConnect(buffer, offset, length);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring a malformed CONNECT on " + address + ": " + e.getMessage());
            return;
        }
        if (connect.version() != Wire.VERSION) {
            LOG.log(
                    Level.WARNING,
                    "ignoring a client of version " + connect.version() + " of Steward's Aeron" + " transport on "
                            + address + "; this node speaks version " + Wire.VERSION);
            return;
        }
        accept(session, connect, header);
    }

    private void accept(int session, Wire.Connect connect, Header header) {
        String replyChannel;
        String replyHost = null;
        String peer;
        boolean ipc = requested.media() == AeronAddress.Media.IPC;
        if (ipc) {
            replyChannel = Channels.publication(null, settings);
            peer = "aeron:ipc client pid " + connect.peer().pid() + " (session " + session + ")";
        } else {
            AeronAddress.HostPort reply;
            try {
                reply = AeronAddress.HostPort.parse(connect.replyEndpoint(), "CONNECT");
            } catch (IllegalArgumentException e) {
                LOG.log(
                        Level.WARNING,
                        "ignoring a CONNECT on " + address + " with a bad reply endpoint: " + connect.replyEndpoint());
                return;
            }
            if (reply.isWildcard()) {
                Image image = subscription.imageBySessionId(session);
                String source = image == null ? null : image.sourceIdentity();
                if (source == null) {
                    return;
                }
                reply = new AeronAddress.HostPort(
                        AeronAddress.HostPort.parse(source, source).host(), reply.port());
            }
            replyChannel = Channels.publication(reply.toString(), settings);
            replyHost = reply.host();
            peer = "aeron:udp client " + reply + " pid " + connect.peer().pid() + " (session " + session + ")";
        }
        InetSocketAddress doorbell = null;
        if (connect.doorbellPort() > 0) {
            doorbell = ipc
                    ? new InetSocketAddress(InetAddress.getLoopbackAddress(), connect.doorbellPort())
                    : new InetSocketAddress(replyHost, connect.doorbellPort());
            if (doorbell.isUnresolved()) {
                doorbell = null;
            }
        }
        ignored.remove(session);
        AcceptedConnection connection = new AcceptedConnection(
                this, link.retain(), settings, session, replyChannel, connect.replyStream(), peer, doorbell);
        sessions.put(session, connection);
        connection.start(System.nanoTime(), connect.peer());
        link.agent().addDuty(connection);
        FrameListener listener;
        try {
            listener = acceptor.accept(connection);
            if (listener == null) {
                throw new NullPointerException("the acceptor returned no listener");
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, () -> "accepting " + connection.peer() + " failed; closing it", e);
            connection.fail(e);
            return;
        }
        connection.listener = listener;
        if (closeRequested.get()) {
            connection.close();
        }
    }

    private void onImageUnavailable(Image image) {
        int session = image.sessionId();
        ignored.remove(session);
        AcceptedConnection connection = sessions.get(session);
        if (connection != null) {
            connection.fail(new IOException("the stream from " + connection.peer()
                    + " ended (the client closed it, or its process or media driver stopped)"));
        }
    }

    /**
     * Forgets a connection that has ended; later fragments of its session are dropped. Agent thread.
     *
     * @param connection the connection
     */
    void finished(AcceptedConnection connection) {
        if (sessions.remove(connection.sessionId(), connection)) {
            Image image = subscription == null ? null : subscription.imageBySessionId(connection.sessionId());
            if (image != null && !image.isClosed()) {
                ignored.add(connection.sessionId());
            }
        }
    }

    // ---- closing ----

    private void beginClose(long nowNs) {
        state = State.CLOSING;
        deadlineNs = nowNs + GRACEFUL_CLOSE_NANOS;
        for (AcceptedConnection connection : new ArrayList<>(sessions.values())) {
            connection.close();
        }
    }

    private int closing(long nowNs) {
        int work = 0;
        if (subscription != null && link.failure() == null) {
            work += subscription.poll(this, FRAGMENTS_PER_POLL); // the clients' CLOSE records
        }
        if (sessions.isEmpty()) {
            if (subscription != null) {
                subscription.close();
            }
            state = State.CLOSED;
            finished = true;
            closed.complete(null);
            link.release();
            LOG.log(Level.DEBUG, () -> "closed " + address);
            return work + 1;
        }
        if (!forced && nowNs - deadlineNs > 0) {
            forced = true;
            List<AcceptedConnection> left = new ArrayList<>(sessions.values());
            for (AcceptedConnection connection : left) {
                connection.fail(new IOException(
                        "the node's transport closed before " + connection.peer() + " took what was queued for it"));
            }
        }
        return work;
    }

    @Override
    boolean isFinished() {
        return finished;
    }

    @Override
    void abort() {
        if (finished) {
            return;
        }
        for (AcceptedConnection connection : new ArrayList<>(sessions.values())) {
            connection.abort();
        }
        sessions.clear();
        if (subscription != null) {
            subscription.close();
        }
        state = State.CLOSED;
        finished = true;
        bound.completeExceptionally(new IOException("the JVM is exiting"));
        closed.complete(null);
        link.release();
    }
}
