package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.exceptions.RegistrationException;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.aeron.status.ChannelEndpointStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.DirectBuffer;

/**
 * The client's end: subscribes to a reply stream of its own, publishes to the node's request
 * stream, and opens with {@code CONNECT}, which tells the node where the replies go; the node's
 * {@code ACCEPTED} completes {@code connect()}.
 */
final class OutgoingConnection extends AeronConnection {
    private static final int FRAGMENTS_PER_POLL = 64;

    private final String address;
    private final String requestChannel;
    private final int requestStream;
    private final boolean ipc;
    private final String replyHost;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final FragmentHandler replyHandler = this::onReply;

    private long subscriptionRegistration = Aeron.NULL_VALUE; // agent-confined
    private long publicationRegistration = Aeron.NULL_VALUE; // agent-confined
    private Subscription replies; // agent-confined
    private int replyStream; // agent-confined
    private String replyEndpoint; // agent-confined
    private boolean connectSent; // agent-confined
    private boolean nodeKnown; // agent-confined
    private int nodeSession; // agent-confined
    private long setupDeadlineNs; // agent-confined

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
        this.requestChannel = Channels.publication(requestEndpoint, settings);
        this.requestStream = requestStream;
        this.replyHost = replyHost;
        this.listener = listener;
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
                Wire.Connect connect =
                        new Wire.Connect(Wire.VERSION, replyStream, ipc ? "" : replyEndpoint, PeerProcess.local());
                if (offerControl(Wire.encode(control, connect), nowNs) > 0) {
                    connectSent = true;
                    work++;
                }
            }
            if (connectSent) {
                work += replies.poll(replyHandler, FRAGMENTS_PER_POLL);
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
    int poll() {
        return replies.poll(replyHandler, FRAGMENTS_PER_POLL);
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

    @Override
    void releaseStreams() {
        Aeron aeron = link.aeron();
        boolean clientWorks = link.failure() == null && !aeron.isClosed();
        if (replies != null) {
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
