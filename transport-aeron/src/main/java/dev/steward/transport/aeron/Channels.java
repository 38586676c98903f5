package dev.steward.transport.aeron;

import io.aeron.Aeron;
import io.aeron.ChannelUriStringBuilder;
import io.aeron.CommonContext;

/** The Aeron channels and stream ids that Steward's connections use. */
final class Channels {
    /**
     * The request stream of a UDP node whose address names none: a node reached through a
     * well-known {@code host:port} needs a well-known stream too.
     */
    static final int DEFAULT_UDP_STREAM = 0x5354;

    private Channels() {}

    /**
     * Returns a stream id that no other user of the same media driver has: IPC streams of all of a
     * driver's users share one name space.
     *
     * @param aeron a client of the driver
     * @return a positive stream id
     */
    static int uniqueStream(Aeron aeron) {
        return 0x4000_0000 | (int) (aeron.nextCorrelationId() & 0x3FFF_FFFF);
    }

    /**
     * Returns the channel a node subscribes to.
     *
     * @param endpoint {@code host:port} for UDP, {@code null} for IPC
     * @return the channel
     */
    static String subscription(String endpoint) {
        ChannelUriStringBuilder b = new ChannelUriStringBuilder();
        if (endpoint == null) {
            return b.media(CommonContext.IPC_MEDIA).build();
        }
        return b.media(CommonContext.UDP_MEDIA).endpoint(endpoint).build();
    }

    /**
     * Returns the channel of a publication that this side creates.
     *
     * @param endpoint {@code host:port} for UDP, {@code null} for IPC
     * @param settings the term length and MTU
     * @return the channel
     */
    static String publication(String endpoint, AeronSettings settings) {
        ChannelUriStringBuilder b = new ChannelUriStringBuilder()
                .media(endpoint == null ? CommonContext.IPC_MEDIA : CommonContext.UDP_MEDIA)
                .termLength(settings.termLength())
                .sparse(true);
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        if (settings.mtu() != 0) {
            b.mtu(settings.mtu());
        }
        return b.build();
    }
}
