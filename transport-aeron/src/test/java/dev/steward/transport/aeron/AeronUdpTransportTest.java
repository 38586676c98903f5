package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.runtime.conformance.Await;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The transport on {@code aeron:udp}, on loopback. */
class AeronUdpTransportTest extends AbstractAeronTransportTest {
    @Override
    String listenAddress() {
        return "aeron:udp?endpoint=127.0.0.1:0";
    }

    @Test
    void theAddressHasThePortResolvedAndTheStream() throws Exception {
        AeronAddress address = AeronAddress.parse(server().transport.address());
        assertThat(address.hostPort().host()).isEqualTo("127.0.0.1");
        assertThat(address.hostPort().port()).isPositive();
        assertThat(address.stream()).isEqualTo(Channels.DEFAULT_UDP_STREAM);
        assertThat(address.option(AeronSettings.DIR))
                .as("no local path in a UDP address")
                .isNull();
    }

    @Test
    void aNodeOnEveryInterfaceIsReachedThroughLoopback() throws Exception {
        var wildcard = provider.listen(
                URI.create("aeron:udp?endpoint=0.0.0.0:0"), config(1 << 20, SMALL_TERMS), c -> new RecordingListener());
        try {
            assertThat(wildcard.address().toString()).startsWith("aeron:udp?endpoint=0.0.0.0:");
            RecordingListener client = new RecordingListener();
            var out = provider.connect(wildcard.address(), config(1 << 20, SMALL_TERMS), client);
            out.close();
            assertThat(client.awaitClose(WAIT)).isNull();
        } finally {
            wildcard.close();
        }
    }

    @Test
    void aPortInUseIsRefusedClearly() throws Exception {
        URI taken = server().transport.address();
        assertThatThrownBy(() -> provider.listen(taken, config(1024, Map.of()), c -> new RecordingListener()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot listen on");
    }

    @Test
    void anAnswerToALongWaitRingsTheClientsDoorbellOnItsReplyAddress() throws Exception {
        Pair pair = pair(server());
        InetAddress replyAddress = InetAddress.getByName("127.0.0.1"); // the address toward the node
        Doorbell bell = Doorbell.current(replyAddress);
        assertThat(bell).as("a UDP client has a doorbell on its reply address").isNotNull();
        assertAnswerRings(pair, bell, text("granted").array());
        pair.out().close();
        Await.until(WAIT, () -> Doorbell.current(replyAddress) == null, () -> "the doorbell closed");
    }

    @Test
    void overUdpAWaitingCallerLeavesTheRepliesToTheTransportThread() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        server.next();
        long start = System.nanoTime();
        // the answer would come through the embedded driver, which the transport thread runs
        assertThat(out.awaitReadable(new CompletableFuture<>(), WAIT.toNanos())).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(out.busyPolls())
                .as("the default spin: answers take tens of microseconds")
                .isEqualTo(64);
    }
}
