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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /** A client listener that completes the future of the round it is given with each frame. */
    static final class RoundListener extends ThreadNotingListener {
        volatile CompletableFuture<Thread> round = new CompletableFuture<>();

        RoundListener(Thread watched) {
            super(watched);
        }

        @Override
        public void onFrame(ByteBuffer frame) {
            super.onFrame(frame);
            round.complete(Thread.currentThread());
        }
    }

    @Test
    void aCallerThatAwaitsItsAnswerReadsItItselfWithoutTheTransportThread() throws Exception {
        Echo echo = new Echo();
        Server server = echoServer(echo);
        RoundListener client = new RoundListener(Thread.currentThread());
        TransportConnection out = connect(server, client, SMALL_TERMS);
        echo.self.complete(server.next());
        // 300 rounds, and more (for up to 30 s) while no answer has been read by the waiting thread:
        // on a machine loaded by other processes, the caller's reading window may run out each time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < 300 || (client.onWatched.get() == 0 && System.nanoTime() - deadline < 0); i++) {
            CompletableFuture<Thread> answered = new CompletableFuture<>();
            client.round = answered;
            byte[] question = ("ping " + i).getBytes(StandardCharsets.UTF_8);
            assertThat(out.send(ByteBuffer.wrap(question))).isTrue();
            // the default aeron.callerReadUs (1 ms) is plenty for an echo; on a loaded machine it may
            // run out, and the caller then parks and the transport thread delivers
            if (!out.awaitReadable(answered, WAIT.toNanos())) {
                answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThat(answered).isDone();
            assertThat(client.next(WAIT)).as("answer %d", i).isEqualTo(question);
        }
        assertThat(client.onWatched.get())
                .as("answers read by the waiting thread itself")
                .isPositive();
        assertThat(out.busyPolls())
                .as("a busy spin of about one round trip over shared memory")
                .isEqualTo(16);
        assertThat(client.violations).isEmpty();
    }

    @Test
    void aCallerStopsReadingAfterCallerReadUsAndTheTransportThreadDeliversTheAnswer() throws Exception {
        Server server = server();
        RoundListener client = new RoundListener(Thread.currentThread());
        TransportConnection out =
                connect(server, client, Map.of("aeron.termLength", "64k", "aeron.callerReadUs", "3000"));
        TransportConnection in = server.next();
        out.send(text("a question nobody answers yet"));
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("a question nobody answers yet");
        CompletableFuture<Thread> answered = new CompletableFuture<>();
        client.round = answered;
        long start = System.nanoTime();
        assertThat(out.awaitReadable(answered, WAIT.toNanos())).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("how long the caller read")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3))
                .isLessThan(WAIT);
        assertThat(out.awaitReadable(answered, 0)).as("a zero timeout").isFalse();
        in.send(text("the answer"));
        assertThat(answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getName())
                .isEqualTo("steward-aeron");
        assertThat(text(client.next(WAIT))).isEqualTo("the answer");
        // a caller that is already answered returns at once, true
        assertThat(out.awaitReadable(answered, WAIT.toNanos())).isTrue();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void anInterruptedCallerStopsReadingAtOnceAndKeepsItsInterrupt() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        // a caller that may read for a whole second
        TransportConnection out =
                connect(server, client, Map.of("aeron.termLength", "64k", "aeron.callerReadUs", "1000000"));
        server.next();
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        try {
            assertThat(out.awaitReadable(new CompletableFuture<>(), WAIT.toNanos()))
                    .isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void callerReadUsZeroLeavesTheWaitToTheTransportThread() throws Exception {
        Server server = server();
        ThreadNotingListener client = new ThreadNotingListener(Thread.currentThread());
        TransportConnection out = connect(server, client, Map.of("aeron.termLength", "64k", "aeron.callerReadUs", "0"));
        TransportConnection in = server.next();
        assertThat(out.awaitReadable(new CompletableFuture<>(), WAIT.toNanos())).isFalse();
        // a caller that only polls hands the wait over after HANDOVER_NS, as before
        out.send(text("question"));
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("question");
        long start = System.nanoTime();
        while (System.nanoTime() - start < 4 * OutgoingConnection.HANDOVER_NS) {
            out.poll();
        }
        in.send(text("answer"));
        assertThat(text(client.next(WAIT))).isEqualTo("answer");
        assertThat(client.onWatched.get()).isZero();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void whenMostCallersReadInVainTheyParkAtOnceUntilAnswersComeSoonerAgain() throws Exception {
        Echo echo = new Echo();
        echo.on.set(false);
        Server server = echoServer(echo);
        RoundListener client = new RoundListener(Thread.currentThread());
        TransportConnection out =
                connect(server, client, Map.of("aeron.termLength", "64k", "aeron.callerReadUs", "20000"));
        echo.self.complete(server.next());
        CompletableFuture<Thread> never = new CompletableFuture<>();
        for (int i = 0; i < 10; i++) {
            assertThat(out.awaitReadable(never, WAIT.toNanos())).isFalse(); // 20 ms each, in vain
        }
        long start = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            assertThat(out.awaitReadable(never, WAIT.toNanos())).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("16 waits, of which only the samples read (2 x 20 ms), not 16 x 20 ms")
                .isLessThan(Duration.ofMillis(200));
        // the node answers at once now: the sampled callers find their answers, and callers read again
        echo.on.set(true);
        int inARow = 0;
        for (int i = 0; i < 1_000 && inARow < 2 * OutgoingConnection.SAMPLE_EVERY; i++) {
            CompletableFuture<Thread> answered = new CompletableFuture<>();
            client.round = answered;
            out.send(text("ping " + i));
            // true: this caller read until its answer was in (a sample, or reading pays again)
            inARow = out.awaitReadable(answered, WAIT.toNanos()) ? inARow + 1 : 0;
            answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text(client.next(WAIT))).isEqualTo("ping " + i);
        }
        assertThat(inARow)
                .as("callers read their answers themselves again")
                .isEqualTo(2 * OutgoingConnection.SAMPLE_EVERY);
        assertThat(client.violations).isEmpty();
    }
}
