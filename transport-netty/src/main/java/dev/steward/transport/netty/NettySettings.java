package dev.steward.transport.netty;

import dev.steward.spi.TransportConfig;
import java.io.IOException;

/**
 * The limits and options one server or connection runs with, read once from a {@link
 * TransportConfig}.
 *
 * @param kind the I/O implementation
 * @param maxFrameBytes the largest incoming frame
 * @param connectTimeoutMillis how long a connect (or bind) may take
 * @param maxQueuedBytes how many outgoing bytes may wait for a slow peer before the connection is
 *     closed
 * @param closeTimeoutMillis how long {@code close()} waits for queued frames to leave
 * @param directClient whether client connections are {@link DirectTcpConnection}s (callers write
 *     and read the socket themselves) rather than Netty channels
 */
record NettySettings(
        NettyTransportKind kind,
        int maxFrameBytes,
        int connectTimeoutMillis,
        long maxQueuedBytes,
        long closeTimeoutMillis,
        boolean directClient) {
    static final String TRANSPORT = "netty.transport";
    static final String CONNECT_TIMEOUT_MS = "netty.connectTimeoutMs";
    static final String MAX_QUEUED_BYTES = "netty.maxQueuedBytes";
    static final String CLOSE_TIMEOUT_MS = "netty.closeTimeoutMs";
    static final String CLIENT = "netty.client";

    static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    static final long DEFAULT_CLOSE_TIMEOUT_MS = 5_000;

    /**
     * Reads the settings.
     *
     * @param config the transport config
     * @return the settings
     * @throws IOException if the transport asked for is not available here
     * @throws IllegalArgumentException if an option is malformed
     */
    static NettySettings from(TransportConfig config) throws IOException {
        if (config.maxFrameBytes() <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, not " + config.maxFrameBytes());
        }
        return new NettySettings(
                NettyTransportKind.select(config.option(TRANSPORT, null)),
                config.maxFrameBytes(),
                (int) positive(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS, Integer.MAX_VALUE),
                positive(config, MAX_QUEUED_BYTES, DEFAULT_MAX_QUEUED_BYTES, Long.MAX_VALUE),
                positive(config, CLOSE_TIMEOUT_MS, DEFAULT_CLOSE_TIMEOUT_MS, Long.MAX_VALUE),
                client(config.option(CLIENT, System.getProperty("steward." + CLIENT, "direct"))));
    }

    /**
     * The failure that closes a connection whose peer leaves too much unread.
     *
     * @param peer the peer
     * @param queued the bytes that would be queued
     * @return the failure to report
     */
    IOException notReading(String peer, long queued) {
        return new IOException("peer " + peer + " is not reading: " + queued + " bytes queued, more than "
                + MAX_QUEUED_BYTES + "=" + maxQueuedBytes + "; closing the connection");
    }

    /**
     * The failure reported when {@code close()} gave up on frames the peer did not take.
     *
     * @param peer the peer
     * @return the failure to report
     */
    IOException notTakenBeforeClose(String peer) {
        return new IOException("peer " + peer + " did not take the frames queued before close() in time ("
                + CLOSE_TIMEOUT_MS + "=" + closeTimeoutMillis + "); they were dropped");
    }

    private static boolean client(String kind) {
        switch (kind.trim()) {
            case "direct":
                return true;
            case "netty":
                return false;
            default:
                throw new IllegalArgumentException(CLIENT + " must be 'direct' or 'netty', not '" + kind + "'");
        }
    }

    private static long positive(TransportConfig config, String key, long defaultValue, long max) {
        String text = config.option(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                key + " must be a positive whole number up to " + max + ", not '" + text + "'");
    }
}
