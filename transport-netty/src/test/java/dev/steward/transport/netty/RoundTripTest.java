package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import io.netty.channel.epoll.Epoll;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames through a real echo server, on each I/O implementation. */
class RoundTripTest {
    private static final int THREADS = 4;
    private static final int FRAMES_PER_THREAD = 2_500;

    private final Transports transports = new Transports();

    @AfterEach
    void closeAll() throws Exception {
        transports.closeAll();
    }

    private TransportConfig config(String transport) {
        if (transport.equals("epoll")) {
            assumeTrue(Epoll.isAvailable(), () -> "epoll is not available here: " + Epoll.unavailabilityCause());
        }
        return Transports.config(2 * 1024 * 1024, NettySettings.TRANSPORT, transport);
    }

    private URI echoServer(TransportConfig config) throws Exception {
        ServerTransport server = transports.track(
                transports.provider.listen(URI.create("tcp://127.0.0.1:0"), config, Transports.echo()));
        return server.address();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "epoll"})
    void framesFromFourThreadsAllComeBackInPerThreadOrder(String transport) throws Exception {
        TransportConfig config = config(transport);
        URI address = echoServer(config);
        CountDownLatch received = new CountDownLatch(THREADS * FRAMES_PER_THREAD);
        AtomicReference<String> disorder = new AtomicReference<>();
        int[] expected = new int[THREADS];
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                int thread = frame.getInt();
                int seq = frame.getInt();
                if (expected[thread] != seq || frame.remaining() != seq % 100) {
                    disorder.compareAndSet(
                            null, "thread " + thread + ": got " + seq + ", expected " + expected[thread]);
                }
                expected[thread] = seq + 1;
                received.countDown();
            }
        };
        TransportConnection client = transports.track(transports.provider.connect(address, config, listener));
        assertThat(SharedEventLoops.current(NettyTransportKind.valueOf(transport.toUpperCase(Locale.ROOT))))
                .as("the %s group is in use", transport)
                .isNotNull();

        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            senders.add(new Thread(
                    () -> {
                        try {
                            start.await();
                            ByteBuffer frame = ByteBuffer.allocate(8 + 100);
                            for (int seq = 0; seq < FRAMES_PER_THREAD; seq++) {
                                frame.clear()
                                        .putInt(thread)
                                        .putInt(seq)
                                        .position(8 + seq % 100)
                                        .flip();
                                if (!client.send(frame)) {
                                    throw new AssertionError("send returned false at " + seq);
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "sender-" + t));
        }
        senders.forEach(Thread::start);
        start.countDown();
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(RecordingListener.WAIT_SECONDS));
        }

        assertThat(failure.get()).isNull();
        assertThat(received.await(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS))
                .as("all %d frames back, %d missing", THREADS * FRAMES_PER_THREAD, received.getCount())
                .isTrue();
        assertThat(disorder.get()).isNull();
        assertThat(expected).containsOnly(FRAMES_PER_THREAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "epoll"})
    void emptyTinyAndOneMebibyteFramesRoundTrip(String transport) throws Exception {
        TransportConfig config = config(transport);
        URI address = echoServer(config);
        RecordingListener listener = new RecordingListener();
        TransportConnection client = transports.track(transports.provider.connect(address, config, listener));
        byte[] big = new byte[1024 * 1024];
        new Random(42).nextBytes(big);

        assertThat(client.send(ByteBuffer.allocate(0))).isTrue();
        assertThat(client.send(ByteBuffer.wrap(new byte[] {7}))).isTrue();
        assertThat(client.send(ByteBuffer.allocateDirect(big.length).put(big).flip()))
                .isTrue();

        assertThat(listener.nextFrame()).isEmpty();
        assertThat(listener.nextFrame()).containsExactly(7);
        assertThat(listener.nextFrame()).isEqualTo(big);
        assertThat(client.isOpen()).isTrue();
        assertThat(client.peer()).isEqualTo(address.toString());
    }
}
