package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The direct client ({@code netty.client=direct}, the default): who writes and who reads. */
class DirectTcpConnectionTest {
    private static final TransportConfig DIRECT = Transports.config(1 << 20, NettySettings.CLIENT, "direct");

    private final Transports transports = new Transports();

    @AfterEach
    void closeAll() throws Exception {
        transports.closeAll();
    }

    /** Notes the thread of every frame it is handed. */
    private static class ThreadNotingListener extends RecordingListener {
        final List<String> frameThreads = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(ByteBuffer frame) {
            frameThreads.add(Thread.currentThread().getName());
            super.onFrame(frame);
        }
    }

    private TransportConnection connectToEcho(RecordingListener listener) throws IOException {
        ServerTransport server = transports.track(
                transports.provider.listen(URI.create("tcp://127.0.0.1:0"), DIRECT, Transports.echo()));
        TransportConnection c = transports.track(transports.provider.connect(server.address(), DIRECT, listener));
        assertThat(c).isInstanceOf(DirectTcpConnection.class);
        return c;
    }

    /** Connects to a plain socket that plays the node, so that a test decides what it sends and reads. */
    private TransportConnection connectTo(ServerSocket node, TransportConfig config, RecordingListener listener)
            throws IOException {
        return transports.track(
                transports.provider.connect(URI.create("tcp://127.0.0.1:" + node.getLocalPort()), config, listener));
    }

    private static ByteBuffer number(int i) {
        return ByteBuffer.allocate(4).putInt(0, i);
    }

    @Test
    void aThreadThatPollsReadsItsOwnAnswersAndTheReaderThreadDeliversTheRest() throws Exception {
        ThreadNotingListener client = new ThreadNotingListener();
        TransportConnection c = connectToEcho(client);
        String me = Thread.currentThread().getName();
        for (int i = 0; i < 300; i++) {
            assertThat(c.sendAwaitingAnswer(number(i))).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingListener.WAIT_SECONDS);
            while (client.frames.isEmpty()) {
                c.poll();
                assertThat(System.nanoTime() - deadline)
                        .as("answer %d in time", i)
                        .isNegative();
            }
            assertThat(ByteBuffer.wrap(client.nextFrame()).getInt()).isEqualTo(i);
        }
        assertThat(client.frameThreads).as("answers read by the waiting thread").contains(me);
        // a thread that does not poll gets its answers from the reader thread
        client.frameThreads.clear();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> c.send(number(-1))).get(10, TimeUnit.SECONDS))
                    .isTrue();
        } finally {
            other.shutdownNow();
        }
        assertThat(ByteBuffer.wrap(client.nextFrame()).getInt()).isEqualTo(-1);
        assertThat(client.frameThreads).singleElement().asString().startsWith("steward-tcp-reader ");
        assertThat(client.closeCalls.get()).isZero();
    }

    /** The client's reader thread, found by its name. */
    private static Thread readerThread(TransportConnection c) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("steward-tcp-reader " + c.peer()))
                .findFirst()
                .orElseThrow();
    }

    /** Whether the reader thread stands aside: parked in its loop rather than asleep in epoll. */
    private static boolean standsAside(Thread reader) {
        StackTraceElement[] stack = reader.getStackTrace();
        for (int i = 0; i + 1 < stack.length; i++) {
            if (stack[i].getMethodName().equals("parkNanos")
                    && stack[i + 1].getMethodName().equals("readLoop")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theReaderThreadStandsAsideWhileACallerReadsAndDeliversAgainOnceNoneDoes() throws Exception {
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ThreadNotingListener client = new ThreadNotingListener();
            TransportConnection c = connectTo(node, DIRECT, client);
            try (Socket accepted = node.accept()) {
                Thread reader = readerThread(c);
                // a caller that looks for frames keeps the reader thread out of epoll, where every
                // answer would wake it too: the first answer wakes it, and it stands aside
                ExecutorService caller = Executors.newSingleThreadExecutor();
                AtomicBoolean looking = new AtomicBoolean(true);
                try {
                    Future<?> looks = caller.submit(() -> {
                        while (looking.get()) {
                            c.poll();
                        }
                    });
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingListener.WAIT_SECONDS);
                    for (int i = 0; !standsAside(reader); i++) {
                        accepted.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, (byte) (i % 100)});
                        assertThat(ByteBuffer.wrap(client.nextFrame()).getInt()).isEqualTo(i % 100);
                        assertThat(System.nanoTime() - deadline)
                                .as("the reader thread stands aside")
                                .isNegative();
                    }
                    looking.set(false);
                    looks.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
                } finally {
                    caller.shutdownNow();
                }

                // once no caller looks, the reader thread delivers what comes
                client.frameThreads.clear();
                client.frames.clear();
                accepted.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 8});
                assertThat(ByteBuffer.wrap(client.nextFrame()).getInt()).isEqualTo(8);
                assertThat(client.frameThreads).singleElement().asString().startsWith("steward-tcp-reader ");

                // and the answer to a frame sent without waiting comes at once, whoever looked last
                c.poll();
                assertThat(c.send(number(9))).isTrue();
                byte[] request = accepted.getInputStream().readNBytes(8);
                assertThat(ByteBuffer.wrap(request).getInt(4)).isEqualTo(9);
                accepted.getOutputStream().write(request);
                assertThat(ByteBuffer.wrap(client.nextFrame()).getInt()).isEqualTo(9);
                assertThat(client.closeCalls.get()).isZero();
            }
        }
    }

    @Test
    void framesSentBothWaysFromSeveralThreadsArriveWholeAndInEachThreadsOrder() throws Exception {
        RecordingListener client = new RecordingListener();
        TransportConnection c = connectToEcho(client);
        int threads = 4;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        // asynchronous sends go through the writer thread, awaited ones are
                        // written by the caller; a 3 kB frame now and then needs several reads
                        int size = i % 97 == 0 ? 3_000 : 8;
                        ByteBuffer frame =
                                ByteBuffer.allocate(size).putInt(0, thread).putInt(4, i);
                        boolean sent = i % 3 == 0 ? c.sendAwaitingAnswer(frame) : c.send(frame);
                        assertThat(sent).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int[] next = new int[threads];
        for (int n = 0; n < threads * each; n++) {
            ByteBuffer answer = ByteBuffer.wrap(client.nextFrame());
            int thread = answer.getInt(0);
            assertThat(answer.getInt(4))
                    .as("thread %d's frames in order", thread)
                    .isEqualTo(next[thread]++);
            assertThat(answer.remaining()).isEqualTo(next[thread] % 97 == 1 ? 3_000 : 8);
        }
        assertThat(client.closeCalls.get()).isZero();
    }

    @Test
    void closeGivesUpOnANodeThatDoesNotReadAndSaysSo() throws Exception {
        TransportConfig config =
                Transports.config(1 << 20, NettySettings.CLIENT, "direct", NettySettings.CLOSE_TIMEOUT_MS, "300");
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingListener client = new RecordingListener();
            TransportConnection c = connectTo(deaf, config, client);
            try (Socket accepted = deaf.accept()) {
                // fill the kernel's buffers on both sides: the writer thread ends up waiting
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                for (int i = 0; i < 600; i++) {
                    assertThat(c.send(chunk)).isTrue();
                }
                long start = System.nanoTime();
                c.close();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                client.awaitClose();
                assertThat(client.closeCause.get())
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("did not take the frames queued before close() in time");
                assertThat(client.closeCalls.get()).isEqualTo(1);
                assertThat(c.isOpen()).isFalse();
                assertThat(c.send(chunk)).isFalse();
                assertThat(c.poll()).isFalse();
            }
        }
    }

    @Test
    void aNodeThatStopsReadingIsCutOffAndTheCauseSaysSo() throws Exception {
        TransportConfig config =
                Transports.config(1 << 20, NettySettings.CLIENT, "direct", NettySettings.MAX_QUEUED_BYTES, "1048576");
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingListener client = new RecordingListener();
            TransportConnection c = connectTo(deaf, config, client);
            try (Socket accepted = deaf.accept()) {
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                int sent = 0;
                while (sent < 10_000 && c.send(chunk)) {
                    sent++;
                }
                assertThat(sent).as("refused before 10,000 x 64 KiB").isLessThan(10_000);
                client.awaitClose();
                assertThat(client.closeCause.get())
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("is not reading")
                        .hasMessageContaining(c.peer());
                assertThat(client.closeCalls.get()).isEqualTo(1);
                assertThat(c.isOpen()).isFalse();
            }
        }
    }

    @Test
    void aNodeThatHangsUpWhileAThreadPollsIsReportedOnceFromTheReaderThread() throws Exception {
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingListener client = new RecordingListener();
            TransportConnection c = connectTo(node, DIRECT, client);
            try (Socket accepted = node.accept()) {
                accepted.getOutputStream().write(new byte[] {0, 0, 0, 2, 7, 8});
                accepted.shutdownOutput();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingListener.WAIT_SECONDS);
                while (client.closed.getCount() > 0) {
                    c.poll();
                    assertThat(System.nanoTime() - deadline)
                            .as("onClose in time")
                            .isNegative();
                }
            }
            assertThat(client.nextFrame()).containsExactly(7, 8);
            assertThat(client.closeCause.get()).isNull();
            assertThat(client.closeCalls.get()).isEqualTo(1);
            assertThat(client.threads).singleElement().asString().startsWith("steward-tcp-reader ");
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void aThreadWaitingInTheKernelWakesForBytesAndForAnAnswerAnotherThreadRead() throws Exception {
        Duration longWait = Duration.ofSeconds(30);
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // like the runtime, the listener completes the answer that a frame brings, whoever reads it
            CompletableFuture<Object> answered = new CompletableFuture<>();
            ThreadNotingListener client = new ThreadNotingListener() {
                @Override
                public void onFrame(ByteBuffer frame) {
                    super.onFrame(frame);
                    answered.complete(Thread.currentThread().getName());
                }
            };
            TransportConnection c = connectTo(node, DIRECT, client);
            try (Socket accepted = node.accept()) {
                CompletableFuture<Object> never = new CompletableFuture<>();
                ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
                try {
                    later.schedule(
                            () -> {
                                accepted.getOutputStream().write(new byte[] {0, 0, 0, 1, 42});
                                return null;
                            },
                            200,
                            TimeUnit.MILLISECONDS);
                    long start = System.nanoTime();
                    while (!answered.isDone()) {
                        // the bytes wake this thread, or, if the reader thread read them first, the answer does
                        assertThat(c.awaitReadable(answered, longWait.toNanos()))
                                .isTrue();
                        c.poll();
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                    }
                    assertThat(client.nextFrame()).containsExactly(42);

                    // an answer completed by another thread ends the wait, also one completed before it
                    CompletableFuture<Object> answer = new CompletableFuture<>();
                    later.schedule(() -> answer.complete("read elsewhere"), 200, TimeUnit.MILLISECONDS);
                    start = System.nanoTime();
                    while (!answer.isDone()) {
                        assertThat(c.awaitReadable(answer, longWait.toNanos())).isTrue();
                    }
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                    start = System.nanoTime();
                    assertThat(c.awaitReadable(answer, longWait.toNanos())).isTrue();
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                } finally {
                    later.shutdownNow();
                }
                // an interrupt ends the wait and stays set
                Thread.currentThread().interrupt();
                try {
                    assertThat(c.awaitReadable(never, longWait.toNanos())).isTrue();
                    assertThat(Thread.currentThread().isInterrupted()).isTrue();
                } finally {
                    Thread.interrupted();
                }
            }
            client.awaitClose(); // the node hung up
            assertThat(c.awaitReadable(new CompletableFuture<>(), longWait.toNanos()))
                    .as("a closed connection has nothing to wait for")
                    .isFalse();
        }
    }

    @Test
    void aFrameLargerThanTheReadBufferArrivesWholeWhoeverReadsIt() throws Exception {
        RecordingListener client = new RecordingListener();
        TransportConnection c = connectToEcho(client);
        for (int round = 0; round < 2; round++) {
            byte[] big = new byte[200_000 + round];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31 + round);
            }
            if (round == 0) {
                assertThat(c.send(ByteBuffer.wrap(big))).isTrue(); // the reader thread reads it
            } else {
                assertThat(c.sendAwaitingAnswer(ByteBuffer.wrap(big))).isTrue();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RecordingListener.WAIT_SECONDS);
                while (client.frames.isEmpty() && System.nanoTime() - deadline < 0) {
                    c.poll(); // this thread takes part in reading it
                }
            }
            assertThat(client.nextFrame()).isEqualTo(big);
        }
    }

    @Test
    void anOversizedFrameFromTheNodeIsReportedAndNothingAfterItIsRead() throws Exception {
        TransportConfig small = Transports.config(1024, NettySettings.CLIENT, "direct");
        try (ServerSocket node = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingListener client = new RecordingListener() {
                @Override
                public void onOversizedFrame(long length) {
                    super.onOversizedFrame(length);
                    closeFromListener.run();
                }
            };
            TransportConnection c = connectTo(node, small, client);
            client.closeFromListener = c::close;
            try (Socket accepted = node.accept()) {
                // a good frame, then one announced at 1 MB, then bytes that must never be read as frames
                accepted.getOutputStream().write(new byte[] {0, 0, 0, 1, 5, 0, 0x10, 0, 0, 9, 9, 9, 0, 0, 0, 1, 6});
                client.awaitOversized();
                client.awaitClose();
            }
            assertThat(client.nextFrame()).containsExactly(5);
            assertThat(client.oversized).containsExactly(0x100000L);
            assertThat(client.frames)
                    .as("nothing read after the oversized frame")
                    .isEmpty();
            assertThat(client.closeCalls.get()).isEqualTo(1);
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void aListenerThatThrowsClosesItsConnectionWithThatCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("listener failed");
        RecordingListener client = new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                super.onFrame(frame);
                throw boom;
            }
        };
        TransportConnection c = connectToEcho(client);
        assertThat(c.send(number(1))).isTrue();
        client.awaitClose();
        assertThat(client.closeCause.get()).isSameAs(boom);
        assertThat(client.closeCalls.get()).isEqualTo(1);
        assertThat(c.isOpen()).isFalse();
        assertThat(c.send(number(2))).isFalse();
    }
}
