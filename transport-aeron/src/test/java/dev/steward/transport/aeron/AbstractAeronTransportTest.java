package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.runtime.conformance.Await;
import dev.steward.runtime.conformance.JavaProcess;
import dev.steward.spi.FrameListener;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SPI's promises, checked on the transport directly: sizes, order, closing, limits, threads.
 * Subclasses pick IPC or UDP.
 */
abstract class AbstractAeronTransportTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Map<String, String> SMALL_TERMS = Map.of("aeron.termLength", "64k");

    final AeronTransportProvider provider = new AeronTransportProvider();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** The address servers listen on. */
    abstract String listenAddress();

    static TransportConfig config(int maxFrameBytes, Map<String, String> options) {
        return new TransportConfig(maxFrameBytes, Duration.ofSeconds(10), "test", options);
    }

    /** A server whose connections are handed to the test as they arrive. */
    final class Server {
        final BlockingQueue<TransportConnection> accepted = new LinkedBlockingQueue<>();
        final List<RecordingListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        final ServerTransport transport;

        Server(int maxFrameBytes, Map<String, String> options, java.util.function.Supplier<RecordingListener> make)
                throws IOException {
            transport = provider.listen(URI.create(listenAddress()), config(maxFrameBytes, options), c -> {
                RecordingListener l = make.get();
                listeners.add(l);
                accepted.add(c);
                return l;
            });
            resources.add(transport::close);
        }

        TransportConnection next() throws InterruptedException {
            TransportConnection c = accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(c).as("a connection was accepted").isNotNull();
            return c;
        }
    }

    Server server() throws IOException {
        return new Server(16 << 20, SMALL_TERMS, RecordingListener::new);
    }

    /** A node end that sends every frame back, on the node's transport thread, while {@link #on} is set. */
    static final class Echo {
        final CompletableFuture<TransportConnection> self = new CompletableFuture<>();
        final AtomicBoolean on = new AtomicBoolean(true);

        RecordingListener listener() {
            return new RecordingListener() {
                @Override
                public void onFrame(ByteBuffer frame) {
                    if (on.get()) {
                        self.join().send(frame);
                    }
                }
            };
        }
    }

    /**
     * A server whose connections echo; complete {@code echo.self} with the accepted connection.
     *
     * @param echo the echo
     * @return the server
     * @throws IOException if it cannot listen
     */
    Server echoServer(Echo echo) throws IOException {
        return new Server(16 << 20, SMALL_TERMS, echo::listener);
    }

    TransportConnection connect(Server server, FrameListener listener, Map<String, String> options) throws IOException {
        TransportConnection c = provider.connect(server.transport.address(), config(16 << 20, options), listener);
        resources.add(c::close);
        return c;
    }

    /**
     * A client connection and the node's end of it, both open.
     *
     * @param out the client's end
     * @param client what the client receives
     * @param in the node's end
     */
    record Pair(TransportConnection out, RecordingListener client, TransportConnection in) {}

    /** Connects a client to the server and waits until a first frame has reached the node. */
    Pair pair(Server server) throws Exception {
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        out.send(text("hello"));
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("hello");
        return new Pair(out, client, server.next());
    }

    /** The node answers a call that waited long: the client gets the frame and its doorbell rings. */
    static void assertAnswerRings(Pair pair, Doorbell bell, byte[] answer) throws InterruptedException {
        long before = bell.rings();
        assertThat(pair.in().sendToWaiter(ByteBuffer.wrap(answer))).isTrue();
        assertThat(pair.client().next(WAIT)).isEqualTo(answer);
        Await.until(WAIT, () -> bell.rings() > before, () -> "the node rang the doorbell");
    }

    static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + n);
        }
        return b;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        SharedMemoryLeftovers.awaitNone(WAIT, true);
    }

    @Test
    void framesOfEverySizeAroundAeronsLimitsTravelBothWaysIntactAndInOrder() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        TransportConnection in = server.next();
        // with 64 KiB terms: one MTU holds 1376 bytes of payload, one message 8 KiB
        int[] sizes = {0, 1, 100, 1371, 1372, 1376, 8187, 8188, 8192, 8193, 65_536, 3 * 1024 * 1024 + 7};
        for (int size : sizes) {
            assertThat(out.send(ByteBuffer.wrap(pattern(size)))).isTrue();
            assertThat(in.send(ByteBuffer.wrap(pattern(size)))).isTrue();
        }
        for (int size : sizes) {
            assertThat(server.listeners.get(0).next(WAIT))
                    .as("%d bytes to the node", size)
                    .isEqualTo(pattern(size));
            assertThat(client.next(WAIT)).as("%d bytes to the client", size).isEqualTo(pattern(size));
        }
        assertThat(server.listeners.get(0).violations).isEmpty();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void aFrameAsLargeAsTheDefaultLimitTravelsWithDefaultSettings() throws Exception {
        int limit = dev.steward.spi.ManagerSettings.DEFAULT_MAX_FRAME_BYTES;
        Server server = new Server(limit, Map.of(), RecordingListener::new);
        RecordingListener client = new RecordingListener();
        TransportConnection out = provider.connect(server.transport.address(), config(limit, Map.of()), client);
        resources.add(out::close);
        TransportConnection in = server.next();
        byte[] frame = pattern(limit);
        out.send(ByteBuffer.wrap(frame));
        in.send(ByteBuffer.wrap(frame));
        assertThat(server.listeners.get(0).next(WAIT)).isEqualTo(frame);
        assertThat(client.next(WAIT)).isEqualTo(frame);
    }

    @Test
    void sendCopiesTheFrameBeforeItReturnsAndLeavesTheBufferAsItWas() throws Exception {
        Server server = server();
        TransportConnection out = connect(server, new RecordingListener(), SMALL_TERMS);
        ByteBuffer frame = ByteBuffer.allocate(16);
        frame.put("0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .flip();
        frame.position(4).limit(8);
        out.send(frame);
        assertThat(frame.position()).isEqualTo(4);
        assertThat(frame.limit()).isEqualTo(8);
        frame.put(4, (byte) 'X');
        server.next();
        assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("4567");
    }

    @Test
    void framesFromManyThreadsKeepEachThreadsOrder() throws Exception {
        Server server = server();
        TransportConnection out = connect(server, new RecordingListener(), SMALL_TERMS);
        server.next();
        int threads = 8;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        // some frames larger than a message, so that chunked and batched frames mix
                        ByteBuffer f = ByteBuffer.allocate(i % 500 == 0 ? 20_000 : 8);
                        f.putInt(thread).putInt(i).rewind();
                        assertThat(out.send(f)).isTrue();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        RecordingListener node = server.listeners.get(0);
        for (int n = 0; n < threads * each; n++) {
            ByteBuffer f = ByteBuffer.wrap(node.next(WAIT));
            int thread = f.getInt();
            int i = f.getInt();
            assertThat(i).as("frame from thread %d", thread).isEqualTo(last[thread] + 1);
            last[thread] = i;
        }
        assertThat(node.violations).isEmpty();
    }

    /** A client listener that notes which frames the given thread delivered. */
    static class ThreadNotingListener extends RecordingListener {
        final Thread watched;
        final AtomicInteger onWatched = new AtomicInteger();
        final AtomicReference<Thread> closedOn = new AtomicReference<>();

        ThreadNotingListener(Thread watched) {
            this.watched = watched;
        }

        @Override
        public void onFrame(ByteBuffer frame) {
            if (Thread.currentThread() == watched) {
                onWatched.incrementAndGet();
            }
            super.onFrame(frame);
        }

        @Override
        public void onClose(Throwable cause) {
            closedOn.set(Thread.currentThread());
            super.onClose(cause);
        }
    }

    /** Calls poll() until the listener has a frame, or fails after WAIT. */
    static void pollUntilAFrame(TransportConnection c, RecordingListener l) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (l.frames.isEmpty()) {
            c.poll();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no frame within " + WAIT + " while polling");
            }
        }
    }

    @Test
    void aThreadThatWaitsReadsTheRepliesItselfOneReaderAtATime() throws Exception {
        Echo echo = new Echo();
        Server server = echoServer(echo);
        ThreadNotingListener client = new ThreadNotingListener(Thread.currentThread());
        TransportConnection out = connect(server, client, SMALL_TERMS);
        echo.self.complete(server.next());
        for (int i = 0; i < 500; i++) {
            // small and large (cut into messages) frames, so that both ways of sending are used
            byte[] question = i % 50 == 7 ? pattern(20_000 + i) : ("ping " + i).getBytes(StandardCharsets.UTF_8);
            assertThat(out.send(ByteBuffer.wrap(question))).isTrue();
            pollUntilAFrame(out, client);
            assertThat(client.next(WAIT)).as("answer %d", i).isEqualTo(question);
        }
        assertThat(client.onWatched.get())
                .as("answers read by the waiting thread")
                .isPositive();
        // a thread that does not read gets its answers from the transport's thread
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> out.send(text("from elsewhere"))).get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(text(client.next(WAIT))).isEqualTo("from elsewhere");
        assertThat(client.violations).isEmpty();
    }

    @Test
    void aReadingThreadLeavesTheCloseToTheTransportThread() throws Exception {
        Server server = server();
        ThreadNotingListener client = new ThreadNotingListener(Thread.currentThread());
        TransportConnection out = connect(server, client, SMALL_TERMS);
        TransportConnection in = server.next();
        for (int i = 0; i < 100; i++) {
            in.send(text("last words " + i));
        }
        in.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!client.closed.isDone()) {
            out.poll();
            assertThat(System.nanoTime() - deadline)
                    .as("onClose within %s", WAIT)
                    .isNegative();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(text(client.next(WAIT))).isEqualTo("last words " + i);
        }
        assertThat(client.awaitClose(WAIT)).isNull();
        assertThat(client.closedOn.get().getName()).isEqualTo("steward-aeron");
        assertThat(client.closeCalls.get()).isEqualTo(1);
        assertThat(out.isOpen()).isFalse();
        assertThat(out.poll()).as("a closed connection reads nothing").isFalse();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void anAnswerAfterTheReaderGaveUpIsDeliveredByTheTransportThread() throws Exception {
        Server server = server();
        ThreadNotingListener client = new ThreadNotingListener(Thread.currentThread());
        Map<String, String> options = new LinkedHashMap<>(SMALL_TERMS);
        options.put("aeron.callerReadUs", "200");
        TransportConnection out = connect(server, client, options);
        TransportConnection in = server.next();
        CompletableFuture<Void> never = new CompletableFuture<>();
        for (int round = 0; round < 20; round++) {
            out.send(text("question " + round));
            assertThat(text(server.listeners.get(0).next(WAIT))).isEqualTo("question " + round);
            // read in vain for longer than the hand-over, then give up, as a caller that parks does
            long start = System.nanoTime();
            while (System.nanoTime() - start < 4 * OutgoingConnection.HANDOVER_NS) {
                out.poll();
            }
            assertThat(out.awaitReadable(never, WAIT.toNanos()))
                    .as("a caller stops reading after aeron.callerReadUs (IPC), at once over UDP")
                    .isFalse();
            long sent = System.nanoTime();
            in.send(text("answer " + round));
            assertThat(text(client.next(WAIT))).isEqualTo("answer " + round);
            // the agent was woken at the hand-over: not a park of a millisecond or more
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(500));
        }
        assertThat(client.onWatched.get())
                .as("answers read by the thread that gave up")
                .isZero();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void closeDeliversWhatWasQueuedThenOnCloseOnceOnBothEnds() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        TransportConnection in = server.next();
        for (int i = 0; i < 1_000; i++) {
            out.send(text("frame " + i));
        }
        out.close();
        assertThat(out.isOpen()).isFalse();
        assertThat(out.send(text("too late"))).isFalse();
        RecordingListener node = server.listeners.get(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(text(node.next(WAIT))).isEqualTo("frame " + i);
        }
        assertThat(node.awaitClose(WAIT)).as("an orderly close has no cause").isNull();
        assertThat(client.awaitClose(WAIT)).isNull();
        Await.until(WAIT, () -> !in.isOpen(), () -> "the node's end reports closed");
        assertThat(node.frames).isEmpty();
        assertThat(node.closeCalls.get()).isEqualTo(1);
        assertThat(client.closeCalls.get()).isEqualTo(1);
        assertThat(node.violations).isEmpty();
        assertThat(client.violations).isEmpty();
    }

    @Test
    void theNodeClosingAConnectionSendsItsLastWordsFirst() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        TransportConnection in = server.next();
        in.send(text("why"));
        in.close();
        assertThat(text(client.next(WAIT))).isEqualTo("why");
        assertThat(client.awaitClose(WAIT)).isNull();
        assertThat(server.listeners.get(0).awaitClose(WAIT)).isNull();
        Await.until(WAIT, () -> !out.isOpen(), () -> "the client's end reports closed");
    }

    @Test
    void closingTheServerClosesEveryConnectionBeforeItReturns() throws Exception {
        Server server = server();
        List<RecordingListener> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingListener l = new RecordingListener();
            clients.add(l);
            connect(server, l, SMALL_TERMS);
            server.next();
        }
        server.transport.close();
        for (RecordingListener node : server.listeners) {
            assertThat(node.closed).as("onClose came before close() returned").isDone();
        }
        for (RecordingListener l : clients) {
            assertThat(l.awaitClose(WAIT)).isNull();
        }
    }

    @Test
    void aConnectionMayBeClosedFromItsOwnListener() throws Exception {
        CompletableFuture<TransportConnection> self = new CompletableFuture<>();
        Server server = new Server(16 << 20, SMALL_TERMS, () -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                super.onFrame(frame);
                self.join().send(text("closing"));
                self.join().close();
            }
        });
        RecordingListener client = new RecordingListener();
        TransportConnection out = connect(server, client, SMALL_TERMS);
        self.complete(server.next());
        out.send(text("close yourself"));
        assertThat(text(client.next(WAIT))).isEqualTo("closing");
        assertThat(client.awaitClose(WAIT)).isNull();
        assertThat(server.listeners.get(0).awaitClose(WAIT)).isNull();
    }

    @Test
    void anOversizedFrameIsReportedAndTheConnectionKeepsItsFraming() throws Exception {
        Server server = new Server(16 * 1024, SMALL_TERMS, RecordingListener::new);
        TransportConnection out = connect(server, new RecordingListener(), SMALL_TERMS);
        server.next();
        out.send(ByteBuffer.wrap(new byte[20 * 1024]));
        out.send(text("after"));
        RecordingListener node = server.listeners.get(0);
        assertThat(text(node.next(WAIT))).isEqualTo("after");
        assertThat(node.oversized).containsExactly(20L * 1024);
    }

    @Test
    void aListenerThatThrowsGetsItsConnectionClosedWithThatCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Server server = new Server(16 << 20, SMALL_TERMS, () -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                throw boom;
            }
        });
        RecordingListener client = new RecordingListener();
        connect(server, client, SMALL_TERMS).send(text("x"));
        server.next();
        assertThat(server.listeners.get(0).awaitClose(WAIT)).isSameAs(boom);
        assertThat(client.awaitClose(WAIT)).isNull();
    }

    @Test
    void listenAndConnectRefuseToRunOnTheTransportThread() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        Server server = new Server(16 << 20, SMALL_TERMS, () -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                try {
                    provider.connect(URI.create(listenAddress()), config(1024, Map.of()), new RecordingListener());
                    refused.complete(null);
                } catch (Throwable t) {
                    refused.complete(t);
                }
            }
        });
        connect(server, new RecordingListener(), SMALL_TERMS).send(text("x"));
        assertThat(refused.get(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward-aeron thread");
    }

    @Test
    void aPeerThatStopsReadingIsCutOffAtTheQueueBound() throws Exception {
        try (JavaProcess peer = JavaProcess.start(TransportSink.class, List.of(), Map.of(), listenAddress())) {
            String address =
                    peer.awaitLine("listening ", Duration.ofSeconds(60)).substring("listening ".length());
            RecordingListener client = new RecordingListener();
            Map<String, String> options = new LinkedHashMap<>(SMALL_TERMS);
            options.put("aeron.maxQueuedBytes", Integer.toString(1 << 20));
            AeronConnection out =
                    (AeronConnection) provider.connect(URI.create(address), config(16 << 20, options), client);
            resources.add(out::close);
            ByteBuffer frame = ByteBuffer.wrap(new byte[64 * 1024]);
            // while the peer reads, 4 MiB pass through a 1 MiB bound
            for (int i = 0; i < 64; i++) {
                assertThat(out.send(frame.duplicate())).isTrue();
                Await.until(WAIT, () -> out.queuedBytes() == 0, () -> "the frame has left the queue");
            }
            signal("STOP", peer.process().pid());
            try {
                int sent = 0;
                while (out.send(frame.duplicate())) {
                    assertThat(++sent).as("frames queued before the bound").isLessThan(1_000);
                }
                assertThat(client.awaitClose(WAIT))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("is not reading")
                        .hasMessageContaining("aeron.maxQueuedBytes");
                assertThat(out.isOpen()).isFalse();
            } finally {
                signal("CONT", peer.process().pid());
            }
        }
    }

    @Test
    void anIdleConnectionRestsAndASendWakesItAtOnce() throws Exception {
        Server server = server();
        RecordingListener client = new RecordingListener();
        connect(server, client, SMALL_TERMS);
        AeronConnection node = (AeronConnection) server.next();
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            Await.until(WAIT, () -> !node.awake.get(), () -> "the node's end of an idle connection rests");
            long start = System.nanoTime();
            node.send(text("wake " + i));
            assertThat(text(client.next(WAIT))).isEqualTo("wake " + i);
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        // a resting duty also runs every 100 ms; the wake-up must not wait for that
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(50));
    }

    @Test
    void aJvmWhoseLastConnectionClosedExitsAtOnce() throws Exception {
        Server server = server();
        try (JavaProcess leaver = JavaProcess.start(
                ConnectAndLeave.class,
                List.of(),
                Map.of(),
                server.transport.address().toString())) {
            leaver.awaitLine("closed", Duration.ofSeconds(60));
            long start = System.nanoTime();
            assertThat(leaver.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("exit after the last close; output:%n%s", leaver.transcript())
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(leaver.process().exitValue()).isZero();
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .start()
                        .waitFor())
                .isZero();
    }

    @Test
    void connectingWhereNoNodeListensFailsClearlyWithinTheTimeout() throws Exception {
        Server server = server();
        URI bound = server.transport.address();
        AeronAddress a = AeronAddress.parse(bound);
        URI elsewhere = a.with(a.endpoint(), a.stream() + 1, Map.of()).toUri();
        long start = System.nanoTime();
        assertThatThrownBy(() -> provider.connect(
                        elsewhere, config(1024, Map.of("aeron.connectTimeoutMs", "500")), new RecordingListener()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no Steward node listens there");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
