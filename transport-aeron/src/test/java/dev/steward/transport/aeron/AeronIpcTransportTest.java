package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.runtime.conformance.Await;
import dev.steward.spi.TransportConnection;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The transport on {@code aeron:ipc}, and what only IPC has: driver directories. */
class AeronIpcTransportTest extends AbstractAeronTransportTest {
    @Override
    String listenAddress() {
        return "aeron:ipc";
    }

    @Test
    void theAddressNamesTheDriverAndTheStreamSoThatAnotherProcessCanConnect() throws Exception {
        Server server = server();
        AeronAddress address = AeronAddress.parse(server.transport.address());
        assertThat(address.stream()).isNotNull();
        assertThat(address.option(AeronSettings.DIR))
                .isEqualTo(DriverLink.embeddedDirectoryForTests().toString())
                .contains("/steward-aeron-" + ProcessHandle.current().pid() + "-");
    }

    @Test
    void theAddressKeepsTheSizesTheNodeAskedForButNotItsOwnPreferences() throws Exception {
        var transport = provider.listen(
                URI.create("aeron:ipc?term-length=64k&aeron.idle=backoff&aeron.peerCheckMs=50"),
                config(1 << 20, Map.of()),
                c -> new RecordingListener());
        try {
            AeronAddress address = AeronAddress.parse(transport.address());
            assertThat(address.option(AeronSettings.TERM_LENGTH)).isEqualTo("64k");
            assertThat(address.options()).containsOnlyKeys(AeronSettings.TERM_LENGTH, AeronSettings.DIR);
        } finally {
            transport.close();
        }
    }

    @Test
    void aClientWithoutTheNodesDirectoryIsToldWhatAddressToUse() {
        assertThatThrownBy(() ->
                        provider.connect(URI.create("aeron:ipc"), config(1024, Map.of()), new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Manager.address()");
    }

    @Test
    void theAddressOfAClosedNodeFailsFastNamingTheDriverDirectory() throws Exception {
        Server server = server();
        URI address = server.transport.address();
        server.transport.close();
        SharedMemoryLeftovers.awaitNone(WAIT, false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.connect(address, config(1024, Map.of()), new RecordingListener()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no Aeron media driver runs in /");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void aStandaloneDriverNamedByAeronDirIsUsedAndNoEmbeddedOneStarts() throws Exception {
        Path dir = DriverDirectories.base().resolve("steward-aeron-test-standalone-" + UUID.randomUUID());
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(dir.toString())
                .threadingMode(ThreadingMode.SHARED)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true))) {
            Map<String, String> options = Map.of("aeron.dir", driver.aeronDirectoryName(), "aeron.termLength", "64k");
            Server server = new Server(1 << 20, options, RecordingListener::new);
            assertThat(AeronAddress.parse(server.transport.address()).option(AeronSettings.DIR))
                    .isEqualTo(dir.toString());
            RecordingListener client = new RecordingListener();
            TransportConnection out = connect(server, client, Map.of("aeron.termLength", "64k"));
            TransportConnection in = server.next();
            out.send(text("ping"));
            assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("ping");
            in.send(text("pong"));
            assertThat(text(client.next(WAIT))).isEqualTo("pong");
            assertThat(DriverLink.embeddedDirectoryForTests()).isNull();
            out.close();
            server.transport.close();
            assertThat(client.awaitClose(WAIT)).isNull();
        } finally {
            DriverDirectories.delete(dir);
        }
    }

    @Test
    void aStreamThatDoesNotStartWithConnectIsIgnoredAndTheNodeServesOthers() throws Exception {
        Server server = server();
        AeronAddress address = AeronAddress.parse(server.transport.address());
        try (Aeron raw = Aeron.connect(new Aeron.Context().aeronDirectoryName(address.option(AeronSettings.DIR)));
                ExclusivePublication junk = raw.addExclusivePublication("aeron:ipc", address.stream())) {
            UnsafeBuffer garbage = new UnsafeBuffer(new byte[] {(byte) 0xc1, 1, 2, 3});
            Await.until(WAIT, () -> junk.offer(garbage) > 0, () -> "the junk stream reaches the node");
            RecordingListener client = new RecordingListener();
            TransportConnection out = connect(server, client, SMALL_TERMS);
            out.send(text("real"));
            assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("real");
            assertThat(server.accepted).isNotEmpty();
            server.next();
            assertThat(server.accepted).as("the junk stream was never accepted").isEmpty();
            assertThat(server.listeners).hasSize(1);
        }
    }

    @Test
    void anAnswerToALongWaitRingsTheClientsDoorbellWhoseThreadDeliversIt() throws Exception {
        Server server = server();
        Pair pair = pair(server);
        TransportConnection out = pair.out();
        TransportConnection in = pair.in();
        RecordingListener client = pair.client();
        Doorbell bell = Doorbell.current(InetAddress.getLoopbackAddress());
        assertThat(bell).as("an IPC client has a doorbell").isNotNull();
        assertAnswerRings(pair, bell, text("granted").array());
        // a frame too large for one message leaves through the node's transport thread: the ring
        // follows once all of it is in the publication
        assertAnswerRings(pair, bell, pattern(200_000));

        // anybody's datagram only makes the doorbell look for replies: nothing is delivered
        long beforeStranger = bell.rings();
        try (DatagramChannel stranger = DatagramChannel.open()) {
            stranger.send(
                    ByteBuffer.wrap(new byte[] {(byte) 0xc1, 0, 0, 0, 99}),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), bell.port()));
        }
        Await.until(WAIT, () -> bell.rings() > beforeStranger, () -> "the stranger's datagram arrived");
        out.send(text("still"));
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("still");
        in.send(text("answer"));
        assertThat(text(client.next(WAIT))).isEqualTo("answer");
        assertThat(client.frames).isEmpty();

        // the doorbell closes with the process's last IPC connection, and its thread ends
        out.close();
        Await.until(
                WAIT, () -> Doorbell.current(InetAddress.getLoopbackAddress()) == null, () -> "the doorbell closed");
        Await.until(
                WAIT,
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("steward-aeron-doorbell")),
                () -> "the doorbell's thread ended");
    }
}
