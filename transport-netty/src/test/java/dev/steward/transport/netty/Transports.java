package dev.steward.transport.netty;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Shared set-up for the tests that use real sockets: configs, an echo acceptor and clean-up. */
final class Transports {
    final NettyTransportProvider provider = new NettyTransportProvider();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    static TransportConfig config(int maxFrameBytes, String... keysAndValues) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new TransportConfig(maxFrameBytes, Duration.ofSeconds(10), "test", options);
    }

    /** Sends every frame back on the connection it came from. */
    static ConnectionAcceptor echo() {
        return connection -> new FrameListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                connection.send(frame);
            }

            @Override
            public void onOversizedFrame(long length) {
                connection.close();
            }

            @Override
            public void onClose(Throwable cause) {}
        };
    }

    <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    TransportConnection track(TransportConnection connection) {
        resources.push(connection::close);
        return connection;
    }

    /** Closes everything tracked, newest first. */
    void closeAll() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
