package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void ipcRoundTrip() throws Exception {
        roundTrip("aeron:ipc");
    }

    @Test
    void udpRoundTrip() throws Exception {
        roundTrip("aeron:udp?endpoint=127.0.0.1:0");
    }

    private void roundTrip(String where) throws Exception {
        AeronTransportProvider p = new AeronTransportProvider();
        TransportConfig config = new TransportConfig(
                16 * 1024 * 1024, Duration.ofSeconds(10), "smoke", Map.of("aeron.termLength", "64k"));
        CompletableFuture<TransportConnection> accepted = new CompletableFuture<>();
        RecordingListener serverSide = new RecordingListener();
        long t0 = System.nanoTime();
        ServerTransport server = p.listen(URI.create(where), config, c -> {
            accepted.complete(c);
            return serverSide;
        });
        System.out.println("listen " + (System.nanoTime() - t0) / 1000 + " us: " + server.address());
        RecordingListener clientSide = new RecordingListener();
        t0 = System.nanoTime();
        TransportConnection client = p.connect(server.address(), config, clientSide);
        System.out.println("connect " + (System.nanoTime() - t0) / 1000 + " us");
        client.send(ByteBuffer.wrap("hello".getBytes()));
        assertThat(new String(serverSide.next(Duration.ofSeconds(5)))).isEqualTo("hello");
        TransportConnection s = accepted.get();
        s.send(ByteBuffer.wrap("world".getBytes()));
        assertThat(new String(clientSide.next(Duration.ofSeconds(5)))).isEqualTo("world");
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        t0 = System.nanoTime();
        client.send(ByteBuffer.wrap(big));
        assertThat(serverSide.next(Duration.ofSeconds(10))).isEqualTo(big);
        System.out.println("3 MiB " + (System.nanoTime() - t0) / 1000 + " us");
        t0 = System.nanoTime();
        for (int i = 0; i < 10000; i++) {
            client.send(ByteBuffer.wrap(("m" + i).getBytes()));
        }
        for (int i = 0; i < 10000; i++) {
            assertThat(new String(serverSide.next(Duration.ofSeconds(10)))).isEqualTo("m" + i);
        }
        System.out.println("10k " + (System.nanoTime() - t0) / 1000 + " us");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2000; i++) {
            long a = System.nanoTime();
            client.send(ByteBuffer.wrap(new byte[32]));
            serverSide.next(Duration.ofSeconds(5));
            s.send(ByteBuffer.wrap(new byte[32]));
            clientSide.next(Duration.ofSeconds(5));
            best = Math.min(best, System.nanoTime() - a);
        }
        System.out.println("rtt best " + best / 1000.0 + " us");
        client.close();
        assertThat(clientSide.awaitClose(Duration.ofSeconds(5))).isNull();
        assertThat(serverSide.awaitClose(Duration.ofSeconds(5))).isNull();
        t0 = System.nanoTime();
        server.close();
        System.out.println("server close " + (System.nanoTime() - t0) / 1000 + " us");
        assertThat(serverSide.violations).isEmpty();
        assertThat(clientSide.violations).isEmpty();
    }
}
