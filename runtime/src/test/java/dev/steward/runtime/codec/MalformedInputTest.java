package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decodeLoosely;
import static dev.steward.runtime.codec.CodecTestSupport.encode;
import static dev.steward.runtime.codec.CodecTestSupport.frame;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steward.ProtocolException;
import dev.steward.UnregisteredTypeException;
import dev.steward.runtime.codec.CodecTestSupport.FrameBuilder;
import dev.steward.runtime.codec.Fixtures.Boxed;
import dev.steward.runtime.codec.Fixtures.Color;
import dev.steward.runtime.codec.Fixtures.Empty;
import dev.steward.runtime.codec.Fixtures.Line;
import dev.steward.runtime.codec.Fixtures.Money;
import dev.steward.runtime.codec.Fixtures.Op;
import dev.steward.runtime.codec.Fixtures.Person;
import dev.steward.runtime.codec.Fixtures.Point;
import dev.steward.runtime.codec.Fixtures.Positive;
import dev.steward.runtime.codec.Fixtures.Primitives;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the bytes, the decoder throws only ProtocolException or UnregisteredTypeException. */
class MalformedInputTest {

    private static TypeRegistry knowingRegistry() {
        TypeRegistry r = newRegistry();
        r.register(Fixtures.MONEY);
        r.registerAll(List.of(
                Point.class,
                Line.class,
                Empty.class,
                Primitives.class,
                Person.class,
                Boxed.class,
                Positive.class,
                Color.class,
                Op.class));
        return r;
    }

    private static String hex(byte[] frame) {
        String h = HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 64));
        return frame.length > 64 ? h + "…(" + frame.length + " bytes)" : h;
    }

    /** Asserts the frame is rejected with a ProtocolException, in both strict and opaque mode. */
    private static void assertProtocolError(byte[] frame) {
        TypeRegistry registry = knowingRegistry();
        for (boolean opaque : new boolean[] {false, true}) {
            Throwable t = catchThrowable(() -> decodeLoosely(frame, registry, opaque));
            assertThat(t).as("decoding %s (opaque=%s)", hex(frame), opaque).isInstanceOf(ProtocolException.class);
        }
    }

    private static byte[] be(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }

    private static ByteBuffer buf() {
        return ByteBuffer.allocate(64);
    }

    // ---- truncation

    static List<Object> validSamples() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put(List.of(2), new Point(3, 4));
        map.put(null, Set.of());
        return List.of(
                true,
                7,
                -70_000,
                Integer.MIN_VALUE,
                1L,
                (short) 5,
                (byte) 5,
                'c',
                1.5f,
                2.5,
                "",
                "hello ☃",
                "x".repeat(300),
                new byte[] {1, 2, 3},
                new byte[300],
                new int[] {1, 2},
                new long[] {3},
                new double[] {4},
                new float[] {5},
                new short[] {6},
                new char[] {'7'},
                new boolean[] {true, false},
                UUID.randomUUID(),
                BigInteger.TWO.pow(100),
                new BigDecimal("-12.345"),
                Instant.ofEpochSecond(5, 6),
                Duration.ofMillis(-7),
                LocalDate.of(2024, 2, 29),
                LocalTime.of(1, 2, 3),
                LocalDateTime.of(2024, 1, 2, 3, 4),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(-3)),
                ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneId.of("Europe/Paris")),
                ZoneId.of("America/New_York"),
                ZoneOffset.ofHours(2),
                Period.of(1, 2, 3),
                Year.of(2024),
                YearMonth.of(2024, 5),
                MonthDay.of(2, 29),
                OffsetTime.of(1, 2, 3, 4, ZoneOffset.UTC),
                List.of(1, "two", List.of(3L)),
                List.of(),
                new LinkedHashSet<>(List.of(1, 2)),
                Set.of(),
                map,
                Map.of(),
                new String[] {"a", null},
                new Object[] {1, "x"},
                new Point[] {new Point(1, 2)},
                new Point(1, 2),
                new Empty(),
                new Line(new Point(1, 2), null),
                new Primitives(1, 2, 3, 4, (short) 5, (byte) 6, '7', true),
                new Person("p", List.of(new Point(0, 0)), Map.of("k", new Point(1, 1)), Color.RED, Op.PLUS),
                Color.BLUE,
                Op.TIMES,
                new Money(12, "EUR"),
                List.of(new Money(1, "X"), new Boxed(new Boxed(null))));
    }

    @Test
    void everyTruncationOfEveryValidEncodingIsAProtocolError() {
        TypeRegistry registry = knowingRegistry();
        int checked = 0;
        for (Object sample : validSamples()) {
            byte[] full = encode(sample, registry);
            for (int cut = 0; cut < full.length; cut++) {
                assertProtocolError(Arrays.copyOf(full, cut));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void truncationsOfLargeValuesAreProtocolErrors() {
        TypeRegistry registry = knowingRegistry();
        for (Object sample : List.of("日".repeat(100_000), new byte[200_000], new long[50_000])) {
            byte[] full = encode(sample, registry);
            for (int cut : new int[] {0, 1, 2, 3, 4, 5, 6, 7, full.length / 2, full.length - 2, full.length - 1}) {
                assertProtocolError(Arrays.copyOf(full, cut));
            }
        }
    }

    // ---- oversized counts

    static Stream<Arguments> hugeHeaders() {
        return Stream.of(
                Arguments.of("array32 2^31-1", be(0xdd, 0x7f, 0xff, 0xff, 0xff, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0)),
                Arguments.of("array32 2^32-1", be(0xdd, 0xff, 0xff, 0xff, 0xff, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0)),
                Arguments.of("map32 2^31-1", be(0xdf, 0x7f, 0xff, 0xff, 0xff, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0)),
                Arguments.of("str32 2^31-1", be(0xdb, 0x7f, 0xff, 0xff, 0xff, 0x41, 0x41, 0x41, 0x41, 0x41)),
                Arguments.of("str32 2^32-1", be(0xdb, 0xff, 0xff, 0xff, 0xff, 0x41, 0x41, 0x41, 0x41, 0x41)),
                Arguments.of("bin32 2^31-1", be(0xc6, 0x7f, 0xff, 0xff, 0xff, 0x41, 0x41, 0x41, 0x41, 0x41)),
                Arguments.of("bin32 2^32-1", be(0xc6, 0xff, 0xff, 0xff, 0xff, 0x41, 0x41, 0x41, 0x41, 0x41)),
                Arguments.of("ext32 long 2^31-1", be(0xc9, 0x7f, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0)),
                Arguments.of("ext32 int[] 2^31-1", be(0xc9, 0x7f, 0xff, 0xff, 0xfc, 32, 0, 0, 0, 0)),
                Arguments.of("ext32 BigInteger 2^32-1", be(0xc9, 0xff, 0xff, 0xff, 0xff, 6, 0, 0, 0, 0)),
                Arguments.of("ext32 boolean[] 2^31-1", be(0xc9, 0x7f, 0xff, 0xff, 0xff, 38, 0, 0, 0, 0)),
                Arguments.of("ext32 zone id 2^31-1", be(0xc9, 0x7f, 0xff, 0xff, 0xff, 15, 0, 0, 0, 0)),
                Arguments.of("array16 inside array", be(0x91, 0xdc, 0xff, 0xff, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0)),
                Arguments.of(
                        "record with 2^31-2 components", be(0xdd, 0x7f, 0xff, 0xff, 0xff, 0xd4, 65, 0x78, 0xc0, 0xc0)),
                Arguments.of("set of 2^31-2 elements", be(0xdd, 0x7f, 0xff, 0xff, 0xff, 0xc7, 0, 64, 0xc0, 0xc0)),
                Arguments.of("record name 2^31-1 bytes", be(0x91, 0xc9, 0x7f, 0xff, 0xff, 0xff, 65, 0x78, 0xc0, 0xc0)),
                Arguments.of(
                        "array of 10 in a 10-byte frame",
                        be(0x9a, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeHeaders")
    void headerClaimingMoreThanTheFrameHoldsIsRejectedWithoutAllocatingIt(String description, byte[] frame) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertProtocolError(frame);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated decoding a 10-byte frame").isLessThan(1 << 20);
    }

    /** Nests record markers, each claiming as many components as the frame has bytes, and pads with nils. */
    private static byte[] nestedClaims(int frameSize, int levels, int markerType, String name) {
        FrameBuilder b = frame();
        for (int i = 0; i < levels; i++) {
            b.raw(0xdd, frameSize >>> 24, (frameSize >>> 16) & 0xff, (frameSize >>> 8) & 0xff, frameSize & 0xff);
            b.marker(markerType, name);
        }
        byte[] head = b.bytes();
        byte[] frame = Arrays.copyOf(head, frameSize);
        Arrays.fill(frame, head.length, frameSize, (byte) 0xc0);
        return frame;
    }

    @ParameterizedTest(name = "marker {0}")
    @ValueSource(ints = {Ext.RECORD, Ext.OBJECT_ARRAY})
    void nestedComponentCountsCannotMakeTheDecoderAllocateFarMoreThanTheFrame(int markerType) {
        int frameSize = 256 * 1024;
        String name = markerType == Ext.RECORD ? Point.class.getName() : "java.lang.Object";
        byte[] frame = nestedClaims(frameSize, 120, markerType, name);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        Throwable t = catchThrowable(() -> decodeLoosely(frame, knowingRegistry(), false));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(t).isInstanceOf(ProtocolException.class);
        assertThat(allocated)
                .as("bytes allocated decoding a %d-byte frame", frameSize)
                .isLessThan(16L * frameSize);
    }

    // ---- nesting

    static Stream<Arguments> deepNestings() {
        int levels = 10_000;
        FrameBuilder arrays = frame();
        FrameBuilder mapValues = frame();
        FrameBuilder mapKeys = frame();
        FrameBuilder sets = frame();
        FrameBuilder records = frame();
        FrameBuilder adapted = frame();
        FrameBuilder objectArrays = frame();
        FrameBuilder mixed = frame();
        for (int i = 0; i < levels; i++) {
            arrays.array(1);
            mapValues.map(1).str("k");
            mapKeys.map(1);
            sets.array(2).ext(Ext.SET, new byte[0]);
            records.array(2).marker(Ext.RECORD, Boxed.class.getName());
            adapted.array(2).marker(Ext.ADAPTED, "test.Money");
            objectArrays.array(2).marker(Ext.OBJECT_ARRAY, "java.lang.Object");
            switch (i % 3) {
                case 0 -> mixed.array(2).integer(i);
                case 1 -> mixed.map(1).nil();
                default -> mixed.array(2).marker(Ext.RECORD, Boxed.class.getName());
            }
        }
        for (FrameBuilder b : List.of(arrays, mapValues, mapKeys, sets, records, adapted, objectArrays, mixed)) {
            b.nil();
        }
        return Stream.of(
                Arguments.of("arrays", arrays.bytes()),
                Arguments.of("map values", mapValues.bytes()),
                Arguments.of("map keys", mapKeys.bytes()),
                Arguments.of("sets", sets.bytes()),
                Arguments.of("records", records.bytes()),
                Arguments.of("adapted values", adapted.bytes()),
                Arguments.of("object arrays", objectArrays.bytes()),
                Arguments.of("mixed", mixed.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepNestings")
    void tenThousandLevelsOfNestingAreAProtocolErrorNotAStackOverflow(String description, byte[] frame) {
        assertProtocolError(frame);
        Throwable t = catchThrowable(() -> decodeLoosely(frame, knowingRegistry(), false));
        assertThat(t).hasMessageContaining("nested more than " + Encoder.MAX_DEPTH);
    }

    @Test
    void nestingJustPastTheLimitIsRejectedAndJustBelowIsAccepted() {
        FrameBuilder ok = frame();
        FrameBuilder tooDeep = frame();
        for (int i = 0; i < Encoder.MAX_DEPTH; i++) {
            ok.array(1);
        }
        for (int i = 0; i <= Encoder.MAX_DEPTH; i++) {
            tooDeep.array(1);
        }
        ok.nil();
        tooDeep.nil();

        assertThat(decodeLoosely(ok.bytes(), knowingRegistry(), false)).isInstanceOf(List.class);
        assertProtocolError(tooDeep.bytes());
    }

    // ---- extension payloads

    static Stream<Arguments> fixedWidthExtensions() {
        return Stream.of(
                Arguments.of("long", Ext.LONG, 8),
                Arguments.of("short", Ext.SHORT, 2),
                Arguments.of("byte", Ext.BYTE, 1),
                Arguments.of("char", Ext.CHAR, 2),
                Arguments.of("uuid", Ext.UUID, 16),
                Arguments.of("instant", Ext.INSTANT, 12),
                Arguments.of("duration", Ext.DURATION, 12),
                Arguments.of("local date", Ext.LOCAL_DATE, 8),
                Arguments.of("local time", Ext.LOCAL_TIME, 8),
                Arguments.of("local date time", Ext.LOCAL_DATE_TIME, 16),
                Arguments.of("offset date time", Ext.OFFSET_DATE_TIME, 20),
                Arguments.of("period", Ext.PERIOD, 12),
                Arguments.of("year", Ext.YEAR, 4),
                Arguments.of("year month", Ext.YEAR_MONTH, 5),
                Arguments.of("month day", Ext.MONTH_DAY, 2),
                Arguments.of("offset time", Ext.OFFSET_TIME, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedWidthExtensions")
    void fixedWidthExtensionWithAnyOtherLengthIsRejected(String description, byte type, int width) {
        for (int len : new int[] {0, width - 1, width + 1, width * 2, 63, 64, 65, 300}) {
            if (len == width || len < 0) {
                continue;
            }
            byte[] payload = new byte[len];
            Arrays.fill(payload, (byte) 1);
            assertProtocolError(frame().ext(type, payload).bytes());
            assertProtocolError(frame().array(2).ext(type, payload).nil().bytes());
            assertProtocolError(frame().array(2).nil().ext(type, payload).bytes());
        }
    }

    static Stream<Arguments> variableWidthExtensionsWithBadLengths() {
        return Stream.of(
                Arguments.of("empty BigInteger", Ext.BIG_INTEGER, 0),
                Arguments.of("empty BigDecimal", Ext.BIG_DECIMAL, 0),
                Arguments.of("BigDecimal with only a scale", Ext.BIG_DECIMAL, 4),
                Arguments.of("BigDecimal of 3 bytes", Ext.BIG_DECIMAL, 3),
                Arguments.of("ZonedDateTime without zone", Ext.ZONED_DATE_TIME, 20),
                Arguments.of("ZonedDateTime of 1 byte", Ext.ZONED_DATE_TIME, 1),
                Arguments.of("empty ZoneId", Ext.ZONE_ID, 0),
                Arguments.of("int[] of 3 bytes", Ext.INT_ARRAY, 3),
                Arguments.of("int[] of 5 bytes", Ext.INT_ARRAY, 5),
                Arguments.of("long[] of 7 bytes", Ext.LONG_ARRAY, 7),
                Arguments.of("long[] of 12 bytes", Ext.LONG_ARRAY, 12),
                Arguments.of("double[] of 4 bytes", Ext.DOUBLE_ARRAY, 4),
                Arguments.of("float[] of 6 bytes", Ext.FLOAT_ARRAY, 6),
                Arguments.of("short[] of 1 byte", Ext.SHORT_ARRAY, 1),
                Arguments.of("char[] of 3 bytes", Ext.CHAR_ARRAY, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variableWidthExtensionsWithBadLengths")
    void variableWidthExtensionWithImpossibleLengthIsRejected(String description, byte type, int len) {
        assertProtocolError(frame().ext(type, new byte[len]).bytes());
        assertProtocolError(frame().array(1).ext(type, new byte[len]).bytes());
    }

    @Test
    void setMarkerWithAPayloadIsRejected() {
        assertProtocolError(
                frame().array(2).ext(Ext.SET, new byte[] {1}).integer(1).bytes());
    }

    @Test
    void unknownExtensionCodesAreRejected() {
        List<Integer> unknownScalars = new ArrayList<>(List.of(0, -1, -2, -128, 127));
        IntStream.rangeClosed(21, 31).forEach(unknownScalars::add);
        IntStream.rangeClosed(39, 63).forEach(unknownScalars::add);
        for (int code : unknownScalars) {
            assertProtocolError(frame().ext(code, new byte[8]).bytes());
            assertProtocolError(frame().array(1).ext(code, new byte[8]).bytes());
            assertProtocolError(
                    frame().array(2).integer(1).ext(code, new byte[4]).bytes());
            assertProtocolError(frame().map(1).str("k").ext(code, new byte[4]).bytes());
        }
        for (int code = 70; code <= 127; code++) {
            assertProtocolError(frame().array(2)
                    .marker(code, Point.class.getName())
                    .integer(1)
                    .bytes());
        }
    }

    @Test
    void markerExtensionOutsideAnArrayHeadIsRejected() {
        for (int code = Ext.FIRST_MARKER; code <= 127; code++) {
            byte[] name = CodecTestSupport.utf8(Point.class.getName());
            assertProtocolError(frame().ext(code, name).bytes());
            assertProtocolError(frame().array(2).integer(1).ext(code, name).bytes());
            assertProtocolError(frame().map(1).ext(code, name).integer(1).bytes());
            assertProtocolError(frame().map(1).str("k").ext(code, name).bytes());
            assertProtocolError(
                    frame().array(2).ext(Ext.SET, new byte[0]).ext(code, name).bytes());
        }
    }

    // ---- names

    @ParameterizedTest(name = "marker {0}")
    @ValueSource(ints = {Ext.RECORD, Ext.ENUM, Ext.ADAPTED, Ext.OBJECT_ARRAY, Ext.REFERENCE})
    void typeNamesOfZeroOr5000BytesAreRejected(int marker) {
        assertProtocolError(frame().array(2).ext(marker, new byte[0]).integer(1).bytes());
        byte[] longName = CodecTestSupport.utf8("a".repeat(5000));
        assertProtocolError(frame().array(2).ext(marker, longName).integer(1).bytes());
        assertProtocolError(frame().array(2)
                .ext(marker, CodecTestSupport.utf8("b".repeat(1025)))
                .integer(1)
                .bytes());
    }

    @Test
    void typeNameAtTheLengthLimitIsMerelyUnregistered() {
        byte[] frame = frame().array(1).marker(Ext.RECORD, "c".repeat(1024)).bytes();
        Throwable t = catchThrowable(() -> decodeLoosely(frame, knowingRegistry(), false));
        assertThat(t).isInstanceOf(UnregisteredTypeException.class);
    }

    @Test
    void typeNameWithInvalidUtf8IsNotACrash() {
        byte[] frame = frame().array(1).ext(Ext.RECORD, be(0xff, 0xfe, 0x80)).bytes();
        Throwable t = catchThrowable(() -> decodeLoosely(frame, knowingRegistry(), false));
        assertThat(t).isInstanceOf(UnregisteredTypeException.class);
    }

    // ---- enums and records

    @Test
    void enumNameWithoutSuchConstantIsAProtocolError() {
        byte[] frame = frame().array(2)
                .marker(Ext.ENUM, Color.class.getName())
                .str("PURPLE")
                .bytes();
        Throwable t = catchThrowable(() -> decodeLoosely(frame, knowingRegistry(), false));
        assertThat(t).isInstanceOf(ProtocolException.class).hasMessageContaining("PURPLE");

        assertProtocolError(frame().array(2)
                .marker(Ext.ENUM, Color.class.getName())
                .str("red")
                .bytes());
        assertProtocolError(
                frame().array(2).marker(Ext.ENUM, Color.class.getName()).str("").bytes());
        assertProtocolError(frame().array(2)
                .marker(Ext.ENUM, Color.class.getName())
                .integer(0)
                .bytes());
        assertProtocolError(
                frame().array(2).marker(Ext.ENUM, Color.class.getName()).nil().bytes());
        assertProtocolError(
                frame().array(1).marker(Ext.ENUM, Color.class.getName()).bytes());
        assertProtocolError(frame().array(3)
                .marker(Ext.ENUM, Color.class.getName())
                .str("RED")
                .str("RED")
                .bytes());
        assertProtocolError(frame().array(2)
                .marker(Ext.ENUM, Op.class.getName())
                .str("PLUS$1")
                .bytes());
    }

    @Test
    void recordWithTheWrongNumberOfComponentsIsAProtocolError() {
        String point = Point.class.getName();
        byte[] tooFew = frame().array(2).marker(Ext.RECORD, point).integer(1).bytes();
        byte[] tooMany = frame().array(4)
                .marker(Ext.RECORD, point)
                .integer(1)
                .integer(2)
                .integer(3)
                .bytes();
        byte[] none = frame().array(1).marker(Ext.RECORD, point).bytes();
        byte[] emptyWithOne = frame().array(2)
                .marker(Ext.RECORD, Empty.class.getName())
                .integer(1)
                .bytes();

        for (byte[] frame : List.of(tooFew, tooMany, none, emptyWithOne)) {
            assertProtocolError(frame);
        }
        Throwable t = catchThrowable(() -> decodeLoosely(tooFew, knowingRegistry(), false));
        assertThat(t).hasMessageContaining(point).hasMessageContaining("1 components");
    }

    @Test
    void recordWithComponentsOfTheWrongTypesIsAProtocolError() {
        String point = Point.class.getName();
        assertProtocolError(
                frame().array(3).marker(Ext.RECORD, point).str("x").integer(2).bytes());
        assertProtocolError(
                frame().array(3).marker(Ext.RECORD, point).nil().integer(2).bytes());
        assertProtocolError(frame().array(3)
                .marker(Ext.RECORD, point)
                .integer(5_000_000_000L)
                .integer(2)
                .bytes());
        assertProtocolError(frame().array(3)
                .marker(Ext.RECORD, point)
                .ext(Ext.LONG, buf().putLong(1))
                .integer(2)
                .bytes());
        assertProtocolError(frame().array(3)
                .marker(Ext.RECORD, Line.class.getName())
                .integer(1)
                .nil()
                .bytes());
        assertProtocolError(frame().array(2)
                .marker(Ext.RECORD, Positive.class.getName())
                .integer(-1)
                .bytes());
    }

    @Test
    void objectArrayWithAnElementOfTheWrongTypeIsAProtocolError() {
        assertProtocolError(frame().array(3)
                .marker(Ext.OBJECT_ARRAY, "java.lang.String")
                .str("a")
                .integer(1)
                .bytes());
        assertProtocolError(frame().array(2)
                .marker(Ext.OBJECT_ARRAY, "java.lang.Integer")
                .str("1")
                .bytes());
        assertProtocolError(
                frame().array(2).marker(Ext.OBJECT_ARRAY, "[I").str("1").bytes());
        assertProtocolError(frame().array(2)
                .marker(Ext.OBJECT_ARRAY, Point.class.getName())
                .integer(1)
                .bytes());
    }

    @Test
    void adaptedValueTheAdapterCannotReadIsAProtocolError() {
        assertProtocolError(frame().array(2)
                .marker(Ext.ADAPTED, "test.Money")
                .str("not a list")
                .bytes());
        assertProtocolError(
                frame().array(2).marker(Ext.ADAPTED, "test.Money").array(0).bytes());
        assertProtocolError(
                frame().array(3).marker(Ext.ADAPTED, "test.Money").nil().nil().bytes());
        assertProtocolError(frame().array(1).marker(Ext.ADAPTED, "test.Money").bytes());
    }

    @Test
    void referenceWithoutReferencesSupportOrWithBadPartsIsAProtocolError() {
        assertProtocolError(
                frame().array(2).marker(Ext.REFERENCE, "shared").integer(1).bytes());
        assertProtocolError(
                frame().array(2).marker(Ext.REFERENCE, "shared").str("1").bytes());
        assertProtocolError(frame().array(1).marker(Ext.REFERENCE, "shared").bytes());
        assertProtocolError(frame().array(3)
                .marker(Ext.REFERENCE, "shared")
                .integer(1)
                .integer(2)
                .bytes());
    }

    // ---- invalid dates

    static Stream<Arguments> invalidTemporals() {
        return Stream.of(
                Arguments.of(
                        "LocalDate epoch day Long.MAX", frame().ext(Ext.LOCAL_DATE, buf().putLong(Long.MAX_VALUE))),
                Arguments.of(
                        "LocalDate epoch day Long.MIN", frame().ext(Ext.LOCAL_DATE, buf().putLong(Long.MIN_VALUE))),
                Arguments.of(
                        "LocalDate one day past MAX",
                        frame().ext(Ext.LOCAL_DATE, buf().putLong(LocalDate.MAX.toEpochDay() + 1))),
                Arguments.of("LocalTime -1 ns", frame().ext(Ext.LOCAL_TIME, buf().putLong(-1))),
                Arguments.of("LocalTime 24h", frame().ext(Ext.LOCAL_TIME, buf().putLong(86_400_000_000_000L))),
                Arguments.of(
                        "LocalDateTime bad date",
                        frame().ext(
                                        Ext.LOCAL_DATE_TIME,
                                        buf().putLong(Long.MAX_VALUE).putLong(0))),
                Arguments.of(
                        "LocalDateTime bad time",
                        frame().ext(Ext.LOCAL_DATE_TIME, buf().putLong(0).putLong(-5))),
                Arguments.of(
                        "OffsetDateTime offset 19h",
                        frame().ext(
                                        Ext.OFFSET_DATE_TIME,
                                        buf().putLong(0).putLong(0).putInt(19 * 3600))),
                Arguments.of(
                        "OffsetDateTime bad date",
                        frame().ext(
                                        Ext.OFFSET_DATE_TIME,
                                        buf().putLong(Long.MIN_VALUE).putLong(0).putInt(0))),
                Arguments.of(
                        "ZonedDateTime unknown zone",
                        frame().ext(Ext.ZONED_DATE_TIME, zoned(0, 0, 0, "Mars/Olympus_Mons"))),
                Arguments.of(
                        "ZonedDateTime offset wrong for zone",
                        frame().ext(Ext.ZONED_DATE_TIME, zoned(19_000, 0, 5 * 3600, "Europe/Paris"))),
                Arguments.of(
                        "ZonedDateTime offset out of range",
                        frame().ext(Ext.ZONED_DATE_TIME, zoned(19_000, 0, 100_000, "Z"))),
                Arguments.of(
                        "ZonedDateTime bad utf-8 zone",
                        frame().ext(Ext.ZONED_DATE_TIME, zonedRaw(0, 0, 0, be(0xff, 0xc3)))),
                Arguments.of("ZoneId unknown", frame().ext(Ext.ZONE_ID, CodecTestSupport.utf8("Mars/Olympus_Mons"))),
                Arguments.of("ZoneId garbage", frame().ext(Ext.ZONE_ID, CodecTestSupport.utf8("+99:99"))),
                Arguments.of("ZoneId bad utf-8", frame().ext(Ext.ZONE_ID, be(0xff))),
                Arguments.of(
                        "Instant too late",
                        frame().ext(Ext.INSTANT, buf().putLong(Long.MAX_VALUE).putInt(0))),
                Arguments.of(
                        "Instant overflowing nanos",
                        frame().ext(
                                        Ext.INSTANT,
                                        buf().putLong(Instant.MAX.getEpochSecond())
                                                .putInt(Integer.MAX_VALUE))),
                Arguments.of(
                        "Duration overflowing nanos",
                        frame().ext(Ext.DURATION, buf().putLong(Long.MAX_VALUE).putInt(Integer.MAX_VALUE))),
                Arguments.of(
                        "Duration underflowing nanos",
                        frame().ext(Ext.DURATION, buf().putLong(Long.MIN_VALUE).putInt(Integer.MIN_VALUE))),
                Arguments.of("Year too large", frame().ext(Ext.YEAR, buf().putInt(Integer.MAX_VALUE))),
                Arguments.of(
                        "YearMonth month 13",
                        frame().ext(Ext.YEAR_MONTH, buf().putInt(2024).put((byte) 13))),
                Arguments.of(
                        "YearMonth month 0",
                        frame().ext(Ext.YEAR_MONTH, buf().putInt(2024).put((byte) 0))),
                Arguments.of(
                        "YearMonth bad year",
                        frame().ext(
                                        Ext.YEAR_MONTH,
                                        buf().putInt(Integer.MIN_VALUE).put((byte) 1))),
                Arguments.of(
                        "MonthDay 2/31",
                        frame().ext(Ext.MONTH_DAY, buf().put((byte) 2).put((byte) 31))),
                Arguments.of(
                        "MonthDay 4/31",
                        frame().ext(Ext.MONTH_DAY, buf().put((byte) 4).put((byte) 31))),
                Arguments.of(
                        "MonthDay 13/1",
                        frame().ext(Ext.MONTH_DAY, buf().put((byte) 13).put((byte) 1))),
                Arguments.of(
                        "MonthDay 0/0",
                        frame().ext(Ext.MONTH_DAY, buf().put((byte) 0).put((byte) 0))),
                Arguments.of(
                        "MonthDay -1/-1",
                        frame().ext(Ext.MONTH_DAY, buf().put((byte) -1).put((byte) -1))),
                Arguments.of(
                        "OffsetTime offset out of range",
                        frame().ext(Ext.OFFSET_TIME, buf().putLong(0).putInt(-100_000))),
                Arguments.of(
                        "OffsetTime bad time",
                        frame().ext(
                                        Ext.OFFSET_TIME,
                                        buf().putLong(Long.MAX_VALUE).putInt(0))));
    }

    private static ByteBuffer zoned(long epochDay, long nanoOfDay, int offsetSeconds, String zone) {
        return zonedRaw(epochDay, nanoOfDay, offsetSeconds, CodecTestSupport.utf8(zone));
    }

    private static ByteBuffer zonedRaw(long epochDay, long nanoOfDay, int offsetSeconds, byte[] zone) {
        return buf().putLong(epochDay).putLong(nanoOfDay).putInt(offsetSeconds).put(zone);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTemporals")
    void invalidDatesTimesAndZonesAreProtocolErrors(String description, FrameBuilder frame) {
        byte[] bytes = frame.bytes();
        assertProtocolError(bytes);
        byte[] inList = frame().array(1).raw(bytes).bytes();
        assertProtocolError(inList);
    }

    @Test
    void reservedByteC1IsAProtocolError() {
        assertProtocolError(be(0xc1));
        assertProtocolError(be(0x91, 0xc1));
        assertProtocolError(be(0x92, 0x01, 0xc1));
        assertProtocolError(be(0x81, 0xc1, 0x01));
    }

    // ---- fuzzing

    private static final Object CANARY = List.of("canary", 1L, new Point(1, 2), Map.of("k", Set.of(Color.RED)));

    private static void assertOnlyProtocolOrUnregistered(byte[] frame, TypeRegistry registry, boolean opaque) {
        Throwable t = catchThrowable(() -> decodeLoosely(frame, registry, opaque));
        if (t != null) {
            assertThat(t)
                    .as("decoding %s (opaque=%s)", hex(frame), opaque)
                    .isInstanceOfAny(ProtocolException.class, UnregisteredTypeException.class);
        }
    }

    private static void assertDecoderStillWorks(byte[] canaryFrame, TypeRegistry registry) {
        assertThat(CodecTestSupport.decode(canaryFrame, registry)).isEqualTo(CANARY);
    }

    @Test
    void thousandsOfRandomFramesOnlyEverCauseProtocolOrUnregisteredErrors() {
        TypeRegistry registry = knowingRegistry();
        byte[] canary = encode(CANARY, registry);
        Decoder before = CodecPool.decoder();
        CodecPool.release(before);
        Random random = new Random(0x5eed);
        for (int i = 0; i < 4000; i++) {
            byte[] frame = new byte[random.nextInt(64)];
            random.nextBytes(frame);
            if (i % 4 == 0 && frame.length > 0) {
                // bias towards structure: start with an array or map header, or an extension
                frame[0] = (byte) (new int[] {0x91, 0x92, 0x93, 0x81, 0xd4, 0xd5, 0xd7, 0xc7})[random.nextInt(8)];
            }
            assertOnlyProtocolOrUnregistered(frame, registry, i % 2 == 0);
            assertDecoderStillWorks(canary, registry);
        }
        Decoder after = CodecPool.decoder();
        CodecPool.release(after);
        assertThat(after).isSameAs(before);
    }

    @Test
    void thousandsOfMutatedValidFramesOnlyEverCauseProtocolOrUnregisteredErrors() {
        TypeRegistry registry = knowingRegistry();
        byte[] canary = encode(CANARY, registry);
        List<byte[]> seeds = new ArrayList<>();
        for (Object sample : validSamples()) {
            seeds.add(encode(sample, registry));
        }
        Random random = new Random(20240601);
        for (int i = 0; i < 6000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] frame = mutate(seed, random);
            assertOnlyProtocolOrUnregistered(frame, registry, i % 2 == 0);
            TypeRegistry fresh = newRegistry();
            assertOnlyProtocolOrUnregistered(frame, fresh, i % 3 == 0);
            assertDecoderStillWorks(canary, registry);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] frame = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && frame.length > 0; e++) {
            int at = random.nextInt(frame.length);
            switch (random.nextInt(6)) {
                case 0 -> frame[at] = (byte) random.nextInt(256);
                case 1 -> frame[at] ^= (byte) (1 << random.nextInt(8));
                case 2 ->
                    frame[at] = (byte) new int[] {0x00, 0x7f, 0x80, 0xff, 0xc0, 0xc1, 0xdd, 0xc9}[random.nextInt(8)];
                case 3 -> frame = Arrays.copyOf(frame, at);
                case 4 -> {
                    byte[] longer = new byte[frame.length + 1];
                    System.arraycopy(frame, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(frame, at, longer, at + 1, frame.length - at);
                    frame = longer;
                }
                default -> {
                    byte[] shorter = new byte[frame.length - 1];
                    System.arraycopy(frame, 0, shorter, 0, at);
                    System.arraycopy(frame, at + 1, shorter, at, frame.length - at - 1);
                    frame = shorter;
                }
            }
        }
        return frame;
    }
}
