package dev.steward.runtime.conformance;

import dev.steward.runtime.protocol.Handshake;
import dev.steward.runtime.protocol.Protocol;
import dev.steward.runtime.transport.TransportRegistry;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * A hand-made client that speaks raw frames over a transport, to send a node what a real client
 * never would. Received frames are kept as MessagePack values.
 */
public final class RawClient implements FrameListener, AutoCloseable {
    private volatile TransportConnection connection;
    private final BlockingQueue<List<Value>> frames = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private RawClient(URI address, Map<String, String> options, int maxFrameBytes) throws IOException {
        TransportConfig config = new TransportConfig(maxFrameBytes, Duration.ofSeconds(10), "raw", options);
        connection = TransportRegistry.load().forAddress(address).connect(address, config, this);
    }

    /**
     * Connects without a handshake.
     *
     * @param address the node
     * @param options transport options
     * @return the client
     * @throws IOException if it cannot connect
     */
    public static RawClient connect(String address, Map<String, String> options) throws IOException {
        return new RawClient(URI.create(address), options, 64 * 1024 * 1024);
    }

    /**
     * Connects and authenticates.
     *
     * @param address the node
     * @param options transport options
     * @param key the auth key
     * @return the client, past WELCOME
     * @throws Exception if the handshake fails
     */
    public static RawClient authenticated(String address, Map<String, String> options, byte[] key) throws Exception {
        RawClient c = connect(address, options);
        byte[] clientNonce = Handshake.nonce();
        c.send(p -> p.packArrayHeader(5)
                .packInt(Protocol.HELLO)
                .packString(Protocol.MAGIC)
                .packInt(1)
                .packInt(1)
                .packBinaryHeader(32)
                .writePayload(clientNonce));
        List<Value> challenge = c.next();
        byte[] nodeNonce = challenge.get(2).asBinaryValue().asByteArray();
        byte[] proof = Handshake.clientProof(key, nodeNonce, clientNonce);
        c.send(p ->
                p.packArrayHeader(2).packInt(Protocol.AUTH).packBinaryHeader(32).writePayload(proof));
        List<Value> welcome = c.next();
        if (welcome.get(0).asIntegerValue().asInt() != Protocol.WELCOME) {
            throw new AssertionError("expected WELCOME, got " + welcome);
        }
        return c;
    }

    /** Writes a message. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes.
         *
         * @param p the packer
         * @throws IOException never, in practice
         */
        void write(MessagePacker p) throws IOException;
    }

    /**
     * Sends a frame written by a function.
     *
     * @param writer writes the frame
     */
    public void send(Writer writer) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            writer.write(p);
            sendBytes(p.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends raw bytes as one frame.
     *
     * @param bytes the frame
     */
    public void sendBytes(byte[] bytes) {
        connection.send(ByteBuffer.wrap(bytes));
    }

    /**
     * Takes the next received frame, skipping heartbeats.
     *
     * @return its elements
     * @throws InterruptedException if interrupted
     */
    public List<Value> next() throws InterruptedException {
        for (; ; ) {
            List<Value> f = frames.poll(20, TimeUnit.SECONDS);
            if (f == null) {
                throw new AssertionError("no frame from the node within 20 s");
            }
            if (f.get(0).asIntegerValue().asInt() != Protocol.PING) {
                return f;
            }
        }
    }

    /**
     * Waits until the node closes the connection.
     *
     * @return {@code true} if it closed within 20 seconds
     * @throws InterruptedException if interrupted
     */
    public boolean awaitClosed() throws InterruptedException {
        return closed.await(20, TimeUnit.SECONDS);
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(copy)) {
            List<Value> parts = new ArrayList<>(u.unpackValue().asArrayValue().list());
            frames.add(parts);
        } catch (IOException | RuntimeException e) {
            frames.add(List.of());
        }
    }

    @Override
    public void onOversizedFrame(long length) {
        TransportConnection c = connection; // null if called before connect() returned
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void onClose(Throwable cause) {
        closed.countDown();
    }

    @Override
    public void close() {
        connection.close();
    }
}
