package dev.steward.benchmarks.jmh;

import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.runtime.node.Node;
import dev.steward.runtime.protocol.Handshake;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Node dispatch without a network: a session receives a CALL frame ({@code map.put}, {@code
 * map.get}) and answers it into a connection that only counts bytes. Measures decode, object table
 * lookup, the built-in's method, result encoding and the hand-off to the transport.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DispatchBenchmark {
    private Node node;
    private FrameListener session;
    private final CountingConnection connection = new CountingConnection();
    private ByteBuffer put;
    private ByteBuffer get;

    /** A connection that keeps the last frame sent and counts bytes. */
    static final class CountingConnection implements TransportConnection {
        long bytes;
        byte[] last;

        @Override
        public boolean send(ByteBuffer frame) {
            bytes += frame.remaining();
            last = new byte[frame.remaining()];
            frame.duplicate().get(last);
            return true;
        }

        @Override
        public void close() {}

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String peer() {
            return "benchmark";
        }
    }

    /**
     * Starts a node, authenticates a session on it, and creates a map.
     *
     * @throws IOException never
     */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        byte[] key = Handshake.newAuthKey();
        node = new Node(
                key,
                new TypeRegistry(getClass().getClassLoader()),
                1 << 20,
                Duration.ofHours(1),
                Duration.ofHours(2),
                "bench",
                Map.of());
        session = node.accept(connection);
        byte[] clientNonce = Handshake.nonce();
        session.onFrame(frame(p -> p.packArrayHeader(5)
                .packInt(Protocol.HELLO)
                .packString(Protocol.MAGIC)
                .packInt(1)
                .packInt(1)
                .packBinaryHeader(32)
                .writePayload(clientNonce)));
        byte[] nodeNonce;
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(connection.last)) {
            u.unpackArrayHeader();
            u.unpackInt();
            u.unpackInt();
            nodeNonce = u.readPayload(u.unpackBinaryHeader());
        }
        byte[] proof = Handshake.clientProof(key, nodeNonce, clientNonce);
        session.onFrame(frame(p ->
                p.packArrayHeader(2).packInt(Protocol.AUTH).packBinaryHeader(32).writePayload(proof)));
        session.onFrame(frame(p -> p.packArrayHeader(5)
                .packInt(Protocol.CALL)
                .packLong(1)
                .packLong(0)
                .packInt(Ops.Node.CREATE)
                .packArrayHeader(1)
                .packString(Ops.MapOps.TYPE)));
        long mapId = 1; // the first object a fresh node hosts
        put = frame(p -> p.packArrayHeader(5)
                .packInt(Protocol.CALL)
                .packLong(2)
                .packLong(mapId)
                .packInt(Ops.MapOps.PUT)
                .packArrayHeader(2)
                .packString("k")
                .packInt(42));
        get = frame(p -> p.packArrayHeader(5)
                .packInt(Protocol.CALL)
                .packLong(3)
                .packLong(mapId)
                .packInt(Ops.MapOps.GET)
                .packArrayHeader(1)
                .packString("k"));
    }

    /** Stops the node. */
    @TearDown(Level.Trial)
    public void tearDown() {
        node.close();
    }

    /** Writes one frame. */
    interface Writer {
        void write(MessageBufferPacker p) throws IOException;
    }

    private static ByteBuffer frame(Writer w) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            w.write(p);
            return ByteBuffer.wrap(p.toByteArray());
        }
    }

    /**
     * Dispatches {@code map.put("k", 42)}.
     *
     * @return bytes answered so far
     */
    @Benchmark
    public long mapPut() {
        session.onFrame(put.duplicate());
        return connection.bytes;
    }

    /**
     * Dispatches {@code map.get("k")}.
     *
     * @return bytes answered so far
     */
    @Benchmark
    public long mapGet() {
        session.onFrame(get.duplicate());
        return connection.bytes;
    }
}
