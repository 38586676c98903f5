package dev.steward.benchmarks.jmh;

import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Decoder;
import dev.steward.runtime.codec.Encoder;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessagePacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding and decoding one CALL frame ({@code map.put("k", 42)}) and one result, no network. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class CodecBenchmark {
    private final TypeRegistry registry = new TypeRegistry(CodecBenchmark.class.getClassLoader());
    private ByteBuffer callFrame;
    private ByteBuffer recordFrame;
    private long id;

    /** A record, to measure the reflective record path. */
    public record Point(int x, int y, String label) {}

    /** Encodes the frames the decode benchmarks read. */
    @Setup
    public void setup() {
        callFrame = ByteBuffer.wrap(encodeCall(1));
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        enc.writeValue(List.of(new Point(1, 2, "a"), new Point(3, 4, "b")), "points");
        recordFrame = ByteBuffer.wrap(enc.toByteArray());
        CodecPool.release(enc);
    }

    private byte[] encodeCall(long requestId) {
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(requestId)
                    .packLong(7)
                    .packInt(Ops.MapOps.PUT);
            p.packArrayHeader(2);
            enc.writeValue("k", "key");
            enc.writeValue(42, "value");
            return enc.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Encodes a call into the pooled buffer, as the client does before handing it to a transport.
     *
     * @return the encoded size
     * @throws IOException never
     */
    @Benchmark
    public int encodeCall() throws IOException {
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(++id)
                    .packLong(7)
                    .packInt(Ops.MapOps.PUT);
            p.packArrayHeader(2);
            enc.writeValue("k", "key");
            enc.writeValue(42, "value");
            return enc.frame().remaining();
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Decodes a call, as a node session does.
     *
     * @return the decoded value, so it is not optimised away
     */
    @Benchmark
    public Object decodeCall() {
        Decoder dec = CodecPool.decoder().begin(callFrame.duplicate(), registry, References.NONE, true);
        try {
            dec.readArrayHeader();
            dec.readInt();
            dec.readLong();
            dec.readLong();
            dec.readInt();
            int n = dec.readArrayHeader();
            Object last = null;
            for (int i = 0; i < n; i++) {
                last = dec.readValue();
            }
            return last;
        } finally {
            CodecPool.release(dec);
        }
    }

    /**
     * Decodes a list of two records.
     *
     * @return the list
     */
    @Benchmark
    public Object decodeRecords() {
        Decoder dec = CodecPool.decoder().begin(recordFrame.duplicate(), registry, References.NONE, false);
        try {
            return dec.readValue();
        } finally {
            CodecPool.release(dec);
        }
    }
}
