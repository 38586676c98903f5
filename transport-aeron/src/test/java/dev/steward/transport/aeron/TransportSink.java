package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

/**
 * A JVM that listens with the bare transport, reads every frame and drops it, and prints {@code
 * listening <address>}: a peer for tests that need one in another process without Steward's
 * protocol (which would refuse raw frames).
 */
public final class TransportSink {
    private TransportSink() {}

    /**
     * Runs the sink until its standard input closes.
     *
     * @param args the address to listen on
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
        TransportConfig config =
                new TransportConfig(16 << 20, Duration.ofSeconds(10), "sink", Map.of("aeron.termLength", "64k"));
        try (ServerTransport server = new AeronTransportProvider()
                .listen(URI.create(args[0]), config, c -> new FrameListener() {
                    @Override
                    public void onFrame(ByteBuffer frame) {}

                    @Override
                    public void onOversizedFrame(long length) {}

                    @Override
                    public void onClose(Throwable cause) {}
                })) {
            System.out.println("listening " + server.address());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input, or kills us
            }
        }
    }
}
