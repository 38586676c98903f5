package dev.steward.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Encoding and decoding helpers, and a builder for hand-made (often malformed) frames. */
final class CodecTestSupport {
    private CodecTestSupport() {}

    static TypeRegistry newRegistry() {
        return new TypeRegistry(CodecTestSupport.class.getClassLoader());
    }

    static byte[] encode(Object value, TypeRegistry registry) {
        return encode(value, registry, References.NONE);
    }

    static byte[] encode(Object value, TypeRegistry registry, References references) {
        Encoder enc = CodecPool.encoder().begin(registry, references);
        try {
            enc.writeValue(value, "the value");
            return enc.toByteArray();
        } finally {
            CodecPool.release(enc);
        }
    }

    static Object decode(byte[] frame, TypeRegistry registry) {
        return decode(frame, registry, References.NONE, false);
    }

    /** Decodes one value and checks that it was the whole frame. */
    static Object decode(byte[] frame, TypeRegistry registry, References references, boolean opaque) {
        Decoder d = CodecPool.decoder().begin(ByteBuffer.wrap(frame), registry, references, opaque);
        try {
            Object value = d.readValue();
            assertThat(d.hasNext()).as("bytes left after the value").isFalse();
            return value;
        } finally {
            CodecPool.release(d);
        }
    }

    /** Decodes one value without caring about trailing bytes (for malformed input). */
    static Object decodeLoosely(byte[] frame, TypeRegistry registry, boolean opaque) {
        Decoder d = CodecPool.decoder().begin(ByteBuffer.wrap(frame), registry, References.NONE, opaque);
        try {
            return d.readValue();
        } finally {
            CodecPool.release(d);
        }
    }

    /** Encodes and decodes with the same registry. */
    static Object roundTrip(Object value) {
        TypeRegistry registry = newRegistry();
        registry.register(Fixtures.MONEY);
        return decode(encode(value, registry), registry);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static FrameBuilder frame() {
        return new FrameBuilder();
    }

    /** Writes raw MessagePack, to forge frames the encoder would never produce. */
    static final class FrameBuilder {
        private final MessageBufferPacker p = MessagePack.newDefaultBufferPacker();

        FrameBuilder array(int n) {
            return io(() -> p.packArrayHeader(n));
        }

        FrameBuilder map(int n) {
            return io(() -> p.packMapHeader(n));
        }

        FrameBuilder nil() {
            return io(p::packNil);
        }

        FrameBuilder integer(long v) {
            return io(() -> p.packLong(v));
        }

        FrameBuilder str(String s) {
            return io(() -> p.packString(s));
        }

        /** An extension value: header and payload. */
        FrameBuilder ext(int type, byte[] payload) {
            return io(() -> {
                p.packExtensionTypeHeader((byte) type, payload.length);
                p.writePayload(payload);
            });
        }

        /** An extension whose payload is a big-endian buffer's written bytes. */
        FrameBuilder ext(int type, ByteBuffer filled) {
            byte[] b = new byte[filled.position()];
            filled.flip().get(b);
            return ext(type, b);
        }

        /** A type marker naming a class or wire name. */
        FrameBuilder marker(int type, String name) {
            return ext(type, utf8(name));
        }

        FrameBuilder raw(int... bytes) {
            return io(() -> {
                byte[] b = new byte[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    b[i] = (byte) bytes[i];
                }
                p.writePayload(b);
            });
        }

        FrameBuilder raw(byte[] bytes) {
            return io(() -> p.writePayload(bytes));
        }

        byte[] bytes() {
            return io(p::flush).p.toByteArray();
        }

        private FrameBuilder io(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        private interface IoAction {
            void run() throws IOException;
        }
    }
}
