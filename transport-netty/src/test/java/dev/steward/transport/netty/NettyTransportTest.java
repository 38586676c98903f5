package dev.steward.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.spi.ConnectionAcceptor;
import dev.steward.spi.ServerTransport;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The transport's contract, over real loopback sockets. */
class NettyTransportTest {
    private static final int MAX_FRAME = 1024;
    private static final TransportConfig CONFIG = Transports.config(MAX_FRAME);
    private static final byte[] EXPLANATION = "frame too large".getBytes(StandardCharsets.UTF_8);

    private final Transports transports = new Transports();
    /** Server-side listeners, one per accepted connection, in order of acceptance. */
    private final BlockingQueue<RecordingListener> accepted = new LinkedBlockingQueue<>();
    /** Server-side connections, in order of acceptance. */
    private final BlockingQueue<TransportConnection> acceptedConnections = new LinkedBlockingQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        transports.closeAll();
    }

    /** Records what each connection receives and, like the runtime, explains an oversized frame. */
    private ConnectionAcceptor recording() {
        return connection -> {
            RecordingListener listener = new RecordingListener() {
                @Override
                public void onOversizedFrame(long length) {
                    super.onOversizedFrame(length);
                    connection.send(ByteBuffer.wrap(EXPLANATION));
                    connection.close();
                }
            };
            acceptedConnections.add(connection);
            accepted.add(listener);
            return listener;
        };
    }

    private ServerTransport listen(TransportConfig config, ConnectionAcceptor acceptor) throws IOException {
        return transports.track(transports.provider.listen(URI.create("tcp://127.0.0.1:0"), config, acceptor));
    }

    private TransportConnection connect(URI address, RecordingListener listener) throws IOException {
        return transports.track(transports.provider.connect(address, CONFIG, listener));
    }

    private RecordingListener nextAccepted() throws InterruptedException {
        RecordingListener listener = accepted.poll(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(listener).as("a connection accepted").isNotNull();
        return listener;
    }

    @Test
    void portZeroBecomesARealPort() throws Exception {
        ServerTransport server = listen(CONFIG, recording());

        URI address = server.address();
        assertThat(address.getScheme()).isEqualTo("tcp");
        assertThat(address.getHost()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isPositive();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            assertThat(socket.isConnected()).isTrue();
            assertThat(nextAccepted()).isNotNull();
        }
    }

    @Test
    void aMissingHostMeansLoopback() throws Exception {
        ServerTransport server =
                transports.track(transports.provider.listen(URI.create("tcp://:0"), CONFIG, recording()));

        assertThat(server.address().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void connectingToAClosedPortThrowsAndNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI address = URI.create("tcp://127.0.0.1:" + port);
        RecordingListener listener = new RecordingListener();

        assertThatThrownBy(() -> transports.provider.connect(address, CONFIG, listener))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("tcp://127.0.0.1:" + port);
        assertThat(listener.closeCalls.get()).isZero();
    }

    @Test
    void closingTheServerClosesItsClients() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        RecordingListener client = new RecordingListener();
        TransportConnection connection = connect(server.address(), client);
        RecordingListener serverSide = nextAccepted();

        server.close();

        assertThat(serverSide.closed.getCount())
                .as("close() waited for onClose")
                .isZero();
        client.awaitClose();
        assertThat(connection.send(ByteBuffer.wrap(new byte[] {1}))).isFalse();
        assertThat(connection.isOpen()).isFalse();
        assertThat(client.closeCalls.get()).isEqualTo(1);
        assertThat(client.threads)
                .as("onClose on the transport's own thread")
                .allMatch(name -> name.startsWith("steward-netty-") || name.startsWith("steward-tcp-reader "));
        server.close();
    }

    @Test
    void closingTheClientClosesTheServerSide() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        RecordingListener client = new RecordingListener();
        TransportConnection connection = connect(server.address(), client);
        RecordingListener serverSide = nextAccepted();

        connection.close();

        serverSide.awaitClose();
        client.awaitClose();
        assertThat(serverSide.closeCause.get()).isNull();
        assertThat(client.closeCause.get()).isNull();
        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.send(ByteBuffer.allocate(0))).isFalse();
    }

    @RepeatedTest(5) // the writer thread may be between two batches when close() comes
    void closeSendsWhatWasQueuedFirst() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        TransportConnection connection = connect(server.address(), new RecordingListener());
        RecordingListener serverSide = nextAccepted();

        for (int i = 0; i < 5_000; i++) {
            connection.send(ByteBuffer.allocate(4).putInt(0, i));
        }
        connection.close();

        serverSide.awaitClose();
        assertThat(serverSide.frames).hasSize(5_000);
        assertThat(serverSide.framesAfterClose.get()).isZero();
        assertThat(ByteBuffer.wrap(
                                serverSide.frames.stream().reduce((a, b) -> b).orElseThrow())
                        .getInt())
                .isEqualTo(4_999);
        assertThat(serverSide.closeCause.get()).isNull();
        server.close();
    }

    @Test
    void anOversizedFrameIsReportedAndTheServerKeepsServing() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        try (Socket raw = rawSocket(server.address())) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeInt(1_000_000);
            out.write(new byte[4096]);
            out.flush();

            RecordingListener serverSide = nextAccepted();
            serverSide.awaitOversized();
            assertThat(readFrame(raw)).isEqualTo(EXPLANATION);
            assertThat(raw.getInputStream().read())
                    .as("end of stream after the explanation")
                    .isEqualTo(-1);
            raw.shutdownOutput(); // hangs up, as a peer does when it reads the end of the stream
            serverSide.awaitClose();
            assertThat(serverSide.closeCause.get()).isNull();
            assertThat(serverSide.oversized).containsExactly(1_000_000L);
            assertThat(serverSide.frames).isEmpty();
        }

        assertStillServes(server);
    }

    @Test
    void garbageIsReportedAsAnOversizedFrame() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        try (Socket raw = rawSocket(server.address())) {
            raw.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'j', 'u', 'n'});
            raw.getOutputStream().flush();

            RecordingListener serverSide = nextAccepted();
            serverSide.awaitOversized();
            assertThat(readFrame(raw)).isEqualTo(EXPLANATION);
            raw.shutdownOutput(); // hangs up, as a peer does when it reads the end of the stream
            serverSide.awaitClose();
            assertThat(serverSide.oversized).containsExactly(0xFFFF_FFFFL);
            assertThat(serverSide.frames).isEmpty();
        }

        assertStillServes(server);
    }

    @Test
    void closeGivesUpOnAPeerThatNeverHangsUp() throws Exception {
        TransportConfig config = Transports.config(MAX_FRAME, NettySettings.CLOSE_TIMEOUT_MS, "200");
        ServerTransport server = listen(config, recording());
        try (Socket raw = rawSocket(server.address())) {
            TransportConnection serverSide = acceptedConnections.poll(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
            RecordingListener serverListener = nextAccepted();

            serverSide.send(ByteBuffer.wrap(new byte[] {9}));
            serverSide.close();

            assertThat(readFrame(raw)).containsExactly(9);
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
            serverListener.awaitClose();
            assertThat(serverListener.closeCause.get())
                    .as("everything was sent")
                    .isNull();
        }
    }

    @Test
    void closingTheServerDoesNotWaitLongForAPeerThatNeverHangsUp() throws Exception {
        ServerTransport server = listen(CONFIG, recording());
        try (Socket raw = rawSocket(server.address())) {
            RecordingListener serverSide = nextAccepted();

            long start = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(serverSide.closed.getCount()).isZero();
            assertThat(serverSide.closeCause.get()).isNull();
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void theAcceptorMaySendBeforeItReturns() throws Exception {
        ServerTransport server = listen(CONFIG, connection -> {
            connection.send(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
            return new RecordingListener();
        });
        RecordingListener client = new RecordingListener();
        connect(server.address(), client);

        assertThat(new String(client.nextFrame(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aThrowingAcceptorLosesOnlyThatConnection() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        ServerTransport server = listen(CONFIG, connection -> {
            if (first.getAndSet(false)) {
                connection.send(ByteBuffer.allocate(10));
                throw new IllegalStateException("acceptor bug");
            }
            return recording().accept(connection);
        });
        RecordingListener rejected = new RecordingListener();
        connect(server.address(), rejected);
        rejected.awaitClose();

        assertStillServes(server);
    }

    @Test
    void aThrowingListenerLosesOnlyItsOwnConnection() throws Exception {
        IllegalStateException boom = new IllegalStateException("listener bug");
        CompletableFuture<Throwable> cause = new CompletableFuture<>();
        ServerTransport server = listen(CONFIG, connection -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                if (frame.remaining() == 1) {
                    throw boom;
                }
                connection.send(frame);
            }

            @Override
            public void onClose(Throwable why) {
                cause.complete(why);
            }
        });
        RecordingListener victim = new RecordingListener();
        TransportConnection bad = connect(server.address(), victim);

        bad.send(ByteBuffer.wrap(new byte[] {1}));

        assertThat(cause.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(boom);
        victim.awaitClose();
        RecordingListener other = new RecordingListener();
        TransportConnection good = connect(server.address(), other);
        good.send(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(other.nextFrame()).containsExactly(1, 2);
    }

    @Test
    void aPeerThatStopsReadingIsCutOff() throws Exception {
        TransportConfig config = Transports.config(MAX_FRAME, NettySettings.MAX_QUEUED_BYTES, "1048576");
        ServerTransport server = listen(config, recording());
        try (Socket raw = new Socket()) {
            raw.setReceiveBufferSize(4096);
            raw.connect(new InetSocketAddress(
                    server.address().getHost(), server.address().getPort()));
            TransportConnection serverSide = acceptedConnections.poll(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
            RecordingListener serverListener = nextAccepted();
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);

            int sent = 0;
            while (sent < 10_000 && serverSide.send(chunk)) {
                sent++;
            }

            assertThat(sent).as("refused before 10,000 x 64 KiB").isLessThan(10_000);
            serverListener.awaitClose();
            assertThat(serverListener.closeCause.get())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is not reading")
                    .hasMessageContaining(serverSide.peer());
            assertThat(serverSide.isOpen()).isFalse();
        }
    }

    @Test
    void theServerCanBeClosedFromAListenerCallback() throws Exception {
        CompletableFuture<ServerTransport> self = new CompletableFuture<>();
        CompletableFuture<Boolean> closedInCallback = new CompletableFuture<>();
        ServerTransport server = listen(CONFIG, connection -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                self.join().close();
                closedInCallback.complete(true);
            }
        });
        self.complete(server);
        RecordingListener client = new RecordingListener();
        connect(server.address(), client).send(ByteBuffer.allocate(1));

        assertThat(closedInCallback.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS))
                .isTrue();
        client.awaitClose();
        server.close();
    }

    @Test
    void connectFromAListenerCallbackIsRefused() throws Exception {
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        ServerTransport server = listen(CONFIG, connection -> new RecordingListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                try {
                    transports.provider.connect(URI.create("tcp://127.0.0.1:1"), CONFIG, new RecordingListener());
                    refusal.complete(null);
                } catch (Throwable e) {
                    refusal.complete(e);
                }
            }
        });
        connect(server.address(), new RecordingListener()).send(ByteBuffer.allocate(1));

        assertThat(refusal.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event-loop");
    }

    private void assertStillServes(ServerTransport server) throws Exception {
        RecordingListener listener = new RecordingListener();
        TransportConnection connection = connect(server.address(), listener);
        RecordingListener serverSide = nextAccepted();
        connection.send(ByteBuffer.wrap(new byte[] {4, 2}));
        assertThat(serverSide.nextFrame()).containsExactly(4, 2);
    }

    private static Socket rawSocket(URI address) throws IOException {
        Socket socket = new Socket(address.getHost(), address.getPort());
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(RecordingListener.WAIT_SECONDS));
        return socket;
    }

    private static byte[] readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return frame;
    }
}
