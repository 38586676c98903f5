package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.runtime.conformance.Await;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    void overUdpAWaitingCallerLeavesTheRepliesToTheTransportThreadOnceItStopsLooking() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        server.next();
        long start = System.nanoTime();
        // a caller that stops looking parks: the transport thread runs the driver from then on
        assertThat(out.awaitReadable(new CompletableFuture<>(), WAIT.toNanos())).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(out.busyPolls())
                .as("a few looks without a yield: each runs the driver, with system calls")
                .isEqualTo(OutgoingConnection.DRIVING_BUSY_POLLS);
        TransportConnection notDriving =
                connect(server, new RecordingListener(), Map.of("aeron.callerDrives", "false"));
        assertThat(notDriving.busyPolls())
                .as("the default spin where only the transport thread runs the driver")
                .isEqualTo(TransportConnection.DEFAULT_BUSY_POLLS);
    }

    @Test
    void theDriverClosesWhileCallersRunItAndTheyStopCleanly() throws Exception {
        Server server = server();
        Pair pair = pair(server);
        DriverLink link = ((AeronConnection) pair.out()).link;
        Path dir = link.directory();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger drives = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> pollers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                pollers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        pair.out().poll(); // each look runs the driver while the link is open
                        if (link.drive() >= 0) {
                            drives.incrementAndGet();
                        }
                    }
                }));
            }
            Await.until(WAIT, () -> drives.get() > 1_000, () -> "callers ran the driver");
            // the last users of the process's driver go: the transport thread closes it under them
            pair.out().close();
            server.transport.close();
            Await.until(WAIT, link::isClosed, () -> "the driver's link closed");
            Await.until(WAIT, () -> !Files.exists(dir), () -> "the driver's directory went");
            int afterClose = drives.get();
            assertThat(link.drive()).as("no duty cycle once the link is closed").isEqualTo(-1);
            stop.set(true);
            for (Future<?> f : pollers) {
                f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // rethrows what a poller threw
            }
            assertThat(drives.get())
                    .as("no caller ran the driver after it closed")
                    .isEqualTo(afterClose);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void aDutyCycleOfTheDriverOnAnInterruptedThreadLeavesTheDriverRunning() throws Exception {
        Server server = server();
        Pair pair = pair(server);
        DriverLink link = ((AeronConnection) pair.out()).link;
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < 100; i++) {
                link.drive(); // mostly nothing to do: Agrona's AgentInvoker would stop the driver here
            }
        } finally {
            assertThat(Thread.interrupted())
                    .as("the interrupt is left to its thread")
                    .isTrue();
        }
        assertThat(pair.in().send(text("still running"))).isTrue();
        assertThat(text(pair.client().next(WAIT))).isEqualTo("still running");
        assertThat(pair.out().send(text("both ways"))).isTrue();
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("both ways");
    }

    @Test
    void overUdpACallerThatLooksForItsAnswerRunsTheDriverItselfWhileTheTransportThreadIsBusy() throws Exception {
        Server server = server();
        Pair pair = pair(server);
        RecordingListener other = new RecordingListener();
        TransportConnection notDriving = connect(server, other, Map.of("aeron.callerDrives", "false"));
        TransportConnection otherIn = server.next();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the process's one transport thread (node and client ends share it here) is kept busy
        ((AeronConnection) pair.out()).link.agent().execute(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            // the node's answer is offered on this thread; only a run of the driver sends and receives it
            assertThat(pair.in().send(text("granted"))).isTrue();
            pollUntilAFrame(pair.out(), pair.client());
            assertThat(text(pair.client().next(WAIT))).isEqualTo("granted");
            // with aeron.callerDrives=false the answer waits for the transport thread
            assertThat(otherIn.send(text("later"))).isTrue();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() - until < 0) {
                notDriving.poll();
            }
            assertThat(other.frames)
                    .as("nothing came while only the busy thread runs the driver")
                    .isEmpty();
        } finally {
            release.countDown();
        }
        assertThat(text(other.next(WAIT))).isEqualTo("later");
    }
}
