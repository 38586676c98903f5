package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.encode;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.TypeAdapter;
import dev.steward.runtime.codec.Fixtures.Point;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Per-thread pooling of encoders and decoders, including nested use on one thread. */
class CodecPoolTest {

    @Test
    void encoderTakenWhileAnotherIsInUseIsADifferentInstanceAndBothFramesAreCorrect() {
        TypeRegistry registry = newRegistry();
        Encoder outer = CodecPool.encoder().begin(registry, References.NONE);
        byte[] outerFrame;
        byte[] innerFrame;
        try {
            outer.writeValue(List.of("outer", 1L), "outer");
            Encoder inner = CodecPool.encoder().begin(registry, References.NONE);
            try {
                assertThat(inner).isNotSameAs(outer);
                inner.writeValue(Map.of("inner", new Point(1, 2)), "inner");
                outer.writeValue("second outer value", "outer 2");
                inner.writeValue(new byte[5000], "inner 2");
                innerFrame = inner.toByteArray();
            } finally {
                CodecPool.release(inner);
            }
            outer.writeValue(3, "outer 3");
            outerFrame = outer.toByteArray();
        } finally {
            CodecPool.release(outer);
        }

        assertThat(readAll(outerFrame, registry)).containsExactly(List.of("outer", 1L), "second outer value", 3);
        List<Object> inner = readAll(innerFrame, registry);
        assertThat(inner.get(0)).isEqualTo(Map.of("inner", new Point(1, 2)));
        assertThat((byte[]) inner.get(1)).hasSize(5000);
    }

    @Test
    void releasedEncoderIsReusedAndStartsAFreshFrame() {
        TypeRegistry registry = newRegistry();
        Encoder first = CodecPool.encoder().begin(registry, References.NONE);
        first.writeValue("first frame", "v");
        byte[] a = first.toByteArray();
        CodecPool.release(first);

        Encoder second = CodecPool.encoder().begin(registry, References.NONE);
        try {
            assertThat(second).isSameAs(first);
            assertThat(second.size()).isZero();
            second.writeValue(2L, "v");
            assertThat(readAll(second.toByteArray(), registry)).containsExactly(2L);
        } finally {
            CodecPool.release(second);
        }
        assertThat(decode(a, registry)).isEqualTo("first frame");
    }

    @Test
    void fiveNestedEncodersAreDistinctAndEachProducesItsOwnFrame() {
        TypeRegistry registry = newRegistry();
        List<Encoder> encoders = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Encoder e = CodecPool.encoder().begin(registry, References.NONE);
                encoders.add(e);
                e.writeValue("frame " + i, "v");
            }
            for (int i = 0; i < 5; i++) {
                encoders.get(i).writeValue((long) i, "v");
            }
            assertThat(encoders).doesNotHaveDuplicates();
            for (int i = 0; i < 5; i++) {
                assertThat(readAll(encoders.get(i).toByteArray(), registry)).containsExactly("frame " + i, (long) i);
            }
        } finally {
            for (int i = encoders.size() - 1; i >= 0; i--) {
                CodecPool.release(encoders.get(i));
            }
        }
    }

    @Test
    void typeAdapterMayEncodeWithAPooledEncoderWhileTheOuterFrameIsInProgress() {
        TypeRegistry registry = newRegistry();
        TypeAdapter<Fixtures.Money> nested = TypeAdapter.of(
                Fixtures.Money.class,
                "nested.Money",
                m -> {
                    // e.g. a proxy call made by an adapter: encodes its own frame on the same thread
                    byte[] side = encode(List.of("side", m.cents()), registry);
                    return Arrays.asList(m.cents(), m.currency(), side.length);
                },
                w -> {
                    List<?> l = (List<?>) w;
                    byte[] side = encode(List.of("side", l.get(0)), registry);
                    assertThat(decode(side, registry)).isEqualTo(List.of("side", l.get(0)));
                    return new Fixtures.Money((Long) l.get(0), (String) l.get(1));
                });
        registry.register(nested);
        List<Object> value = List.of("before", new Fixtures.Money(5, "EUR"), "after", new Fixtures.Money(6, "USD"));

        Object back = decode(encode(value, registry), registry);

        assertThat(back).isEqualTo(value);
    }

    @Test
    void decoderTakenWhileAnotherIsInUseIsADifferentInstanceAndBothReadCorrectly() {
        TypeRegistry registry = newRegistry();
        byte[] outerFrame = frameOf(registry, "o1", List.of("o2"), 3L);
        byte[] innerFrame = frameOf(registry, "i1", new Point(4, 5));

        Decoder outer = CodecPool.decoder().begin(ByteBuffer.wrap(outerFrame), registry, References.NONE, false);
        try {
            assertThat(outer.readValue()).isEqualTo("o1");
            Decoder inner = CodecPool.decoder().begin(ByteBuffer.wrap(innerFrame), registry, References.NONE, false);
            try {
                assertThat(inner).isNotSameAs(outer);
                assertThat(inner.readValue()).isEqualTo("i1");
                assertThat(outer.readValue()).isEqualTo(List.of("o2"));
                assertThat(inner.readValue()).isEqualTo(new Point(4, 5));
                assertThat(inner.hasNext()).isFalse();
            } finally {
                CodecPool.release(inner);
            }
            assertThat(outer.readValue()).isEqualTo(3L);
            assertThat(outer.hasNext()).isFalse();
        } finally {
            CodecPool.release(outer);
        }
    }

    @Test
    void referencesResolveMayDecodeWithAPooledDecoderMidFrame() {
        TypeRegistry registry = newRegistry();
        byte[] sideFrame = frameOf(registry, List.of("side", 99L));
        References refs = new References() {
            @Override
            public Ref refOf(Object value) {
                return value instanceof ReferencesTest.SharedThing ? new Ref(1, "t") : null;
            }

            @Override
            public Object resolve(Ref ref) {
                return decode(sideFrame, registry);
            }
        };
        byte[] frame = encode(List.of("a", new ReferencesTest.SharedThing("x"), "b"), registry, refs);

        assertThat(decode(frame, registry, refs, false)).isEqualTo(List.of("a", List.of("side", 99L), "b"));
    }

    @Test
    void eachThreadHasItsOwnPool() throws InterruptedException {
        Encoder mine = CodecPool.encoder();
        CodecPool.release(mine);
        AtomicReference<Encoder> theirs = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Encoder e = CodecPool.encoder();
            theirs.set(e);
            CodecPool.release(e);
        });
        t.start();
        t.join();

        assertThat(theirs.get()).isNotNull().isNotSameAs(mine);
    }

    @Test
    void encoderReusedAfterAVeryLargeFrameStillProducesCorrectFrames() {
        TypeRegistry registry = newRegistry();
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 3);
        String bigString = "é".repeat(700_000);

        byte[] f1 = encode(List.of(big, "tail"), registry);
        byte[] f2 = encode("small", registry);
        byte[] f3 = encode(List.of(bigString, 1L), registry);
        byte[] f4 = encode(List.of(new Point(1, 1)), registry);

        assertThat(((byte[]) ((List<?>) decode(f1, registry)).get(0))).isEqualTo(big);
        assertThat(decode(f2, registry)).isEqualTo("small");
        assertThat(decode(f3, registry)).isEqualTo(List.of(bigString, 1L));
        assertThat(decode(f4, registry)).isEqualTo(List.of(new Point(1, 1)));
    }

    @Test
    void frameViewMatchesToByteArray() {
        TypeRegistry registry = newRegistry();
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            enc.writeValue(List.of("x".repeat(3000), 5L), "v");
            ByteBuffer view = enc.frame();
            byte[] viewBytes = new byte[view.remaining()];
            view.duplicate().get(viewBytes);
            assertThat(viewBytes).isEqualTo(enc.toByteArray());
            assertThat(enc.size()).isEqualTo(viewBytes.length);
        } finally {
            CodecPool.release(enc);
        }
    }

    private static byte[] frameOf(TypeRegistry registry, Object... values) {
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            for (Object v : values) {
                enc.writeValue(v, "v");
            }
            return enc.toByteArray();
        } finally {
            CodecPool.release(enc);
        }
    }

    private static List<Object> readAll(byte[] frame, TypeRegistry registry) {
        Decoder d = CodecPool.decoder().begin(ByteBuffer.wrap(frame), registry, References.NONE, false);
        try {
            List<Object> values = new ArrayList<>();
            while (d.hasNext()) {
                values.add(d.readValue());
            }
            return values;
        } finally {
            CodecPool.release(d);
        }
    }
}
