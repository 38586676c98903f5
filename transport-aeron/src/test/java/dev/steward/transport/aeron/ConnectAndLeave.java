package dev.steward.transport.aeron;

import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM that connects to a node, closes the connection, prints {@code closed} and returns from
 * {@code main}: how long it then takes to exit is what the JVM-exit clean-up costs.
 */
public final class ConnectAndLeave {
    private ConnectAndLeave() {}

    /**
     * Runs it.
     *
     * @param args the node's address
     * @throws Exception if it cannot connect
     */
    public static void main(String[] args) throws Exception {
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        TransportConnection c = new AeronTransportProvider()
                .connect(
                        URI.create(args[0]),
                        new TransportConfig(1 << 20, Duration.ofSeconds(10), "leaver", Map.of()),
                        new FrameListener() {
                            @Override
                            public void onFrame(ByteBuffer frame) {}

                            @Override
                            public void onOversizedFrame(long length) {}

                            @Override
                            public void onClose(Throwable cause) {
                                closed.complete(cause);
                            }
                        });
        c.close();
        closed.get(10, TimeUnit.SECONDS);
        System.out.println("closed");
        System.out.flush();
    }
}
