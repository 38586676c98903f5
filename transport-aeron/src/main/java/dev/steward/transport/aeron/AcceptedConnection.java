package dev.steward.transport.aeron;

import io.aeron.Aeron;
import io.aeron.exceptions.RegistrationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The node's end of one client: reads the client's image of the node's request stream (the
 * {@link AeronServer} hands its fragments over) and answers on a publication to the client's reply
 * stream, opened with {@code ACCEPTED}. Frames the listener sends before that publication connects
 * wait in the queue.
 */
final class AcceptedConnection extends AeronConnection {
    private final AeronServer server;
    private final int sessionId;
    private final String replyChannel;
    private final int replyStream;
    private final boolean ipc;
    /** The client's {@link Doorbell}; {@code null} if it has none. */
    private final InetSocketAddress doorbell;

    private long registration = Aeron.NULL_VALUE; // agent-confined
    private long setupDeadlineNs; // agent-confined

    /**
     * Creates the node's end of a client's connection.
     *
     * @param server the server whose subscription carries the client's stream
     * @param link the driver
     * @param settings the node's settings
     * @param sessionId the session id of the client's image
     * @param replyChannel where to answer
     * @param replyStream the stream to answer on
     * @param peer describes the client
     * @param doorbell the client's doorbell, or {@code null} if it has none
     */
    AcceptedConnection(
            AeronServer server,
            DriverLink link,
            AeronSettings settings,
            int sessionId,
            String replyChannel,
            int replyStream,
            String peer,
            InetSocketAddress doorbell) {
        super(link, settings, peer);
        this.server = server;
        this.sessionId = sessionId;
        this.replyChannel = replyChannel;
        this.replyStream = replyStream;
        this.ipc = replyChannel.startsWith("aeron:ipc");
        this.doorbell = doorbell;
    }

    @Override
    void ring() {
        if (doorbell != null) {
            Doorbell.ring(doorbell);
        }
    }

    /**
     * Asks the driver for the reply publication. Agent thread.
     *
     * @param nowNs the time
     * @param client what the client said about itself
     */
    void start(long nowNs, Wire.Peer client) {
        setupDeadlineNs = nowNs + settings.connectTimeoutNs();
        peerProcess = PeerProcess.acquire(client, ipc);
        try {
            registration = link.aeron().asyncAddExclusivePublication(replyChannel, replyStream);
        } catch (RuntimeException e) {
            fail(new IOException("cannot open a reply stream to " + peer() + ": " + e.getMessage(), e));
        }
    }

    int sessionId() {
        return sessionId;
    }

    @Override
    int setup(long nowNs) {
        if (publication == null && registration != Aeron.NULL_VALUE) {
            try {
                publication = link.aeron().getExclusivePublication(registration);
            } catch (RegistrationException e) {
                finish(
                        new IOException(
                                "the media driver refused the reply stream to " + peer() + " (" + replyChannel + "): "
                                        + e.getMessage(),
                                e),
                        false);
                return 1;
            }
        }
        if (publication != null && publication.isConnected()) {
            Wire.Accepted accepted = new Wire.Accepted(Wire.VERSION, PeerProcess.local());
            if (offerControl(Wire.encode(control, accepted), nowNs) > 0) {
                opened();
                return 1;
            }
        }
        if (state == State.SETUP && nowNs - setupDeadlineNs > 0) {
            finish(
                    new IOException("the reply stream to " + peer() + " (" + replyChannel + ") did not connect within "
                            + TimeUnit.NANOSECONDS.toMillis(settings.connectTimeoutNs()) + " ms"),
                    false);
        }
        return 0;
    }

    @Override
    int pollInbound() {
        return 0; // the server polls the shared subscription and hands fragments over
    }

    @Override
    void releaseStreams() {
        if (publication == null && registration != Aeron.NULL_VALUE && link.failure() == null) {
            link.aeron().asyncRemovePublication(registration);
        }
        server.finished(this);
    }

    @Override
    void reportClose(Throwable cause) {
        deliverClose(cause);
    }

    @Override
    boolean restsWhenIdle() {
        return true; // the server polls for it
    }

    @Override
    boolean udp() {
        return !ipc;
    }
}
