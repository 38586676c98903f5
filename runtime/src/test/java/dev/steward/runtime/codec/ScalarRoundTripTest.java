package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.frame;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static dev.steward.runtime.codec.CodecTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single values come back with exactly the class and value they were sent with. */
class ScalarRoundTripTest {

    static Stream<Arguments> scalars() {
        return Stream.of(
                        Boolean.TRUE,
                        Boolean.FALSE,
                        0,
                        1,
                        -1,
                        127,
                        128,
                        -33,
                        65_536,
                        Integer.MIN_VALUE,
                        Integer.MAX_VALUE,
                        0L,
                        1L,
                        -1L,
                        42L,
                        (long) Integer.MAX_VALUE,
                        Integer.MAX_VALUE + 1L,
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        (short) 0,
                        (short) 7,
                        Short.MIN_VALUE,
                        Short.MAX_VALUE,
                        (byte) 0,
                        (byte) -1,
                        Byte.MIN_VALUE,
                        Byte.MAX_VALUE,
                        'a',
                        '\0',
                        '\uffff',
                        '\ud800',
                        'é',
                        0.0f,
                        -0.0f,
                        1.5f,
                        Float.MIN_VALUE,
                        Float.MAX_VALUE,
                        Float.NaN,
                        Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY,
                        0.0,
                        -0.0,
                        Math.PI,
                        Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        "",
                        "a",
                        "héllo wörld ☃ 日本語 😀",
                        "x".repeat(31),
                        "x".repeat(32),
                        "é".repeat(255),
                        "é".repeat(256),
                        "日".repeat(65_535),
                        "日".repeat(65_536),
                        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                        new UUID(0, 0),
                        new UUID(-1, -1),
                        BigInteger.ZERO,
                        BigInteger.ONE,
                        BigInteger.valueOf(-1),
                        BigInteger.valueOf(Long.MIN_VALUE),
                        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                        BigInteger.TWO.pow(10_000).negate().subtract(BigInteger.valueOf(12_345)),
                        new BigInteger(4096, new Random(7)),
                        BigDecimal.ZERO,
                        new BigDecimal("1E+5"),
                        new BigDecimal("-1.5E-300"),
                        new BigDecimal("123.4500"),
                        new BigDecimal("-0.000"),
                        new BigDecimal(BigInteger.TEN.pow(500), -2_000_000),
                        new BigDecimal(BigInteger.TEN.pow(500).negate(), 2_000_000),
                        Instant.EPOCH,
                        Instant.MIN,
                        Instant.MAX,
                        Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
                        Instant.ofEpochSecond(-1, 1),
                        Duration.ZERO,
                        Duration.ofNanos(-1),
                        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                        Duration.ofSeconds(Long.MIN_VALUE),
                        Duration.ofDays(3).plusMillis(5),
                        LocalDate.MIN,
                        LocalDate.MAX,
                        LocalDate.EPOCH,
                        LocalDate.of(2024, 2, 29),
                        LocalTime.MIN,
                        LocalTime.MAX,
                        LocalTime.NOON,
                        LocalTime.of(23, 59, 59, 1),
                        LocalDateTime.MIN,
                        LocalDateTime.MAX,
                        LocalDateTime.of(2024, 2, 29, 13, 14, 15, 16),
                        OffsetDateTime.MIN,
                        OffsetDateTime.MAX,
                        OffsetDateTime.of(2024, 6, 1, 8, 0, 0, 5, ZoneOffset.ofHoursMinutes(-9, -30)),
                        OffsetTime.MIN,
                        OffsetTime.MAX,
                        OffsetTime.of(12, 0, 0, 999, ZoneOffset.ofHours(14)),
                        ZonedDateTime.of(2024, 6, 1, 8, 0, 0, 5, ZoneId.of("Europe/Paris")),
                        ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("America/St_Johns")),
                        ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(3)),
                        ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")),
                        ZoneId.of("Europe/Paris"),
                        ZoneId.of("UTC"),
                        ZoneId.of("GMT+2"),
                        ZoneOffset.UTC,
                        ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15),
                        ZoneOffset.MAX,
                        ZoneOffset.MIN,
                        Period.ZERO,
                        Period.of(1, -2, 3),
                        Period.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE),
                        Year.of(2024),
                        Year.of(Year.MIN_VALUE),
                        Year.of(Year.MAX_VALUE),
                        YearMonth.of(2024, 12),
                        YearMonth.of(Year.MIN_VALUE, 1),
                        YearMonth.of(Year.MAX_VALUE, 12),
                        MonthDay.of(2, 29),
                        MonthDay.of(12, 31),
                        MonthDay.of(1, 1))
                .map(v -> Arguments.of(v.getClass().getSimpleName() + " " + abbreviate(v), v));
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalars")
    void scalarComesBackWithSameClassAndValue(String description, Object value) {
        Object back = roundTrip(value);

        assertThat(back).isNotNull();
        assertThat(back.getClass()).isEqualTo(value.getClass());
        assertThat(back).isEqualTo(value);
    }

    @Test
    void nullComesBackAsNull() {
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void smallLongsStayLongsAndDoNotShrinkToInteger() {
        for (long v : new long[] {0, 1, -1, 127, 255, 65_535, Integer.MAX_VALUE}) {
            assertThat(roundTrip(v)).isInstanceOf(Long.class).isEqualTo(v);
        }
    }

    @Test
    void negativeZeroAndNanKeepTheirBits() {
        assertThat(Double.doubleToRawLongBits((Double) roundTrip(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Float.floatToRawIntBits((Float) roundTrip(-0.0f))).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat((Double) roundTrip(Double.NaN)).isNaN();
        assertThat((Float) roundTrip(Float.NaN)).isNaN();
    }

    @Test
    void bigDecimalKeepsItsScale() {
        BigDecimal negativeScale = new BigDecimal("1E+5");
        BigDecimal positiveScale = new BigDecimal("-123.4500");

        BigDecimal a = (BigDecimal) roundTrip(negativeScale);
        BigDecimal b = (BigDecimal) roundTrip(positiveScale);

        assertThat(a.scale()).isEqualTo(-5);
        assertThat(a.unscaledValue()).isEqualTo(BigInteger.ONE);
        assertThat(b.scale()).isEqualTo(4);
        assertThat(b.unscaledValue()).isEqualTo(BigInteger.valueOf(-1_234_500));
    }

    @Test
    void longStringOf100kCharactersRoundTrips() {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(1);
        while (sb.length() < 100_000) {
            sb.appendCodePoint(random.nextInt(3) == 0 ? 0x1F600 + random.nextInt(50) : 0x20 + random.nextInt(0x3000));
        }
        String s = sb.toString();
        assertThat(s.length()).isGreaterThanOrEqualTo(100_000);

        assertThat(roundTrip(s)).isEqualTo(s);
    }

    @Test
    void zonedDateTimeInParisKeepsZoneAndBothOffsetsOfTheAutumnOverlap() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDateTime ambiguous = LocalDateTime.of(2021, 10, 31, 2, 30);
        ZonedDateTime earlier = ZonedDateTime.of(ambiguous, paris).withEarlierOffsetAtOverlap();
        ZonedDateTime later = ZonedDateTime.of(ambiguous, paris).withLaterOffsetAtOverlap();
        assertThat(earlier.getOffset()).isNotEqualTo(later.getOffset());

        ZonedDateTime earlierBack = (ZonedDateTime) roundTrip(earlier);
        ZonedDateTime laterBack = (ZonedDateTime) roundTrip(later);

        assertThat(earlierBack).isEqualTo(earlier);
        assertThat(earlierBack.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(earlierBack.getZone()).isEqualTo(paris);
        assertThat(laterBack).isEqualTo(later);
        assertThat(laterBack.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(laterBack.toInstant()).isEqualTo(earlierBack.toInstant().plusSeconds(3600));
    }

    @Test
    void zonedDateTimeInTheSpringGapRoundTrips() {
        ZonedDateTime shifted = ZonedDateTime.of(LocalDateTime.of(2021, 3, 28, 2, 30), ZoneId.of("Europe/Paris"));
        assertThat(shifted.toLocalTime()).isEqualTo(LocalTime.of(3, 30));

        assertThat(roundTrip(shifted)).isEqualTo(shifted);
    }

    @Test
    void zoneOffsetComesBackAsZoneOffsetAndRegionAsRegion() {
        assertThat(roundTrip(ZoneOffset.ofHours(5)))
                .isInstanceOf(ZoneOffset.class)
                .isEqualTo(ZoneOffset.ofHours(5));
        assertThat(roundTrip(ZoneOffset.UTC)).isSameAs(ZoneOffset.UTC);
        Object region = roundTrip(ZoneId.of("Europe/Paris"));
        assertThat(region).isNotInstanceOf(ZoneOffset.class);
        assertThat(((ZoneId) region).getId()).isEqualTo("Europe/Paris");
        assertThat(((ZoneId) region).getRules())
                .isEqualTo(ZoneId.of("Europe/Paris").getRules());
    }

    @Test
    void monthDayOfLeapDayAndYearMonthKeepFields() {
        assertThat(roundTrip(MonthDay.of(Month.FEBRUARY, 29))).isEqualTo(MonthDay.of(2, 29));
        assertThat(roundTrip(YearMonth.of(-5, 7))).isEqualTo(YearMonth.of(-5, 7));
    }

    static Stream<Arguments> primitiveArrays() {
        Random r = new Random(3);
        byte[] largeBytes = new byte[3 * 1024 * 1024];
        r.nextBytes(largeBytes);
        return Stream.of(
                        new byte[0],
                        new byte[] {0, -1, 127, -128},
                        largeBytes,
                        new int[0],
                        new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE},
                        r.ints(10_000).toArray(),
                        new long[0],
                        new long[] {Long.MIN_VALUE, 0, 1, Long.MAX_VALUE},
                        r.longs(5_000).toArray(),
                        new double[0],
                        new double[] {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, 1e-300},
                        new float[0],
                        new float[] {Float.NaN, -0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, 3.25f},
                        new short[0],
                        new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE},
                        new char[0],
                        new char[] {'a', '\0', '\uffff', '\ud83d', '\ude00', 'é'},
                        new boolean[0],
                        new boolean[] {true, false, false, true, true})
                .map(a -> Arguments.of(
                        a.getClass().getSimpleName() + "[" + java.lang.reflect.Array.getLength(a) + "]", a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitiveArrays")
    void primitiveArrayComesBackWithSameComponentTypeAndContent(String description, Object array) {
        Object back = roundTrip(array);

        assertThat(back).isNotNull();
        assertThat(back.getClass()).isEqualTo(array.getClass());
        assertThat(Objects.deepEquals(back, array))
                .as("content of %s", description)
                .isTrue();
    }

    @Test
    void floatArrayKeepsNanAndNegativeZeroBits() {
        float[] back = (float[]) roundTrip(new float[] {Float.NaN, -0.0f});
        assertThat(Float.isNaN(back[0])).isTrue();
        assertThat(Float.floatToRawIntBits(back[1])).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void largeByteArrayIsCopiedNotAliased() {
        byte[] original = new byte[2 * 1024 * 1024];
        Arrays.fill(original, (byte) 7);
        byte[] back = (byte[]) roundTrip(original);
        assertThat(back).isNotSameAs(original).isEqualTo(original);
    }

    @Test
    void plainMessagePackIntegersFromOtherEncodersDecodeToIntOrLong() {
        TypeRegistry registry = newRegistry();
        assertThat(decode(frame().integer(5).bytes(), registry)).isEqualTo(5);
        assertThat(decode(frame().integer(-5_000_000_000L).bytes(), registry)).isEqualTo(-5_000_000_000L);
        assertThat(decode(frame().integer(Long.MIN_VALUE).bytes(), registry)).isEqualTo(Long.MIN_VALUE);
        assertThat(decode(frame().integer(3_000_000_000L).bytes(), registry)).isEqualTo(3_000_000_000L);
    }

    @Test
    void plainMessagePackUint64ThatFitsInALongDecodesToLong() {
        TypeRegistry registry = newRegistry();
        assertThat(decode(frame().integer(5_000_000_000L).bytes(), registry)).isEqualTo(5_000_000_000L);
        assertThat(decode(frame().integer(Long.MAX_VALUE).bytes(), registry)).isEqualTo(Long.MAX_VALUE);
        assertThat(decode(
                        frame().raw(0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
                                .bytes(),
                        registry))
                .isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void decodesFromHeapSlicesWithNonZeroPosition() {
        TypeRegistry registry = newRegistry();
        byte[] frameBytes = CodecTestSupport.encode(java.util.List.of("abc", 12L, UUID.randomUUID()), registry);
        Object expected = decode(frameBytes, registry);

        byte[] padded = new byte[frameBytes.length + 20];
        Arrays.fill(padded, (byte) 0xc1);
        System.arraycopy(frameBytes, 0, padded, 7, frameBytes.length);
        ByteBuffer offset = ByteBuffer.wrap(padded, 7, frameBytes.length);
        ByteBuffer sliced = ByteBuffer.wrap(padded, 7, frameBytes.length).slice();

        for (ByteBuffer b : new ByteBuffer[] {offset, sliced}) {
            assertThat(decodeBuffer(b, registry)).isEqualTo(expected);
        }
    }

    @Test
    void decodesFromDirectBuffers() {
        TypeRegistry registry = newRegistry();
        byte[] frameBytes = CodecTestSupport.encode(java.util.List.of("abc", 12L, UUID.randomUUID()), registry);
        ByteBuffer direct = ByteBuffer.allocateDirect(frameBytes.length);
        direct.put(frameBytes).flip();

        assertThat(decodeBuffer(direct, registry)).isEqualTo(decode(frameBytes, registry));
    }

    @Test
    void decodesFromReadOnlyBuffers() {
        TypeRegistry registry = newRegistry();
        byte[] frameBytes = CodecTestSupport.encode(java.util.List.of("abc", 12L), registry);

        assertThat(decodeBuffer(ByteBuffer.wrap(frameBytes).asReadOnlyBuffer(), registry))
                .isEqualTo(java.util.List.of("abc", 12L));
    }

    private static Object decodeBuffer(ByteBuffer b, TypeRegistry registry) {
        Decoder d = CodecPool.decoder().begin(b, registry, References.NONE, false);
        try {
            Object value = d.readValue();
            assertThat(d.hasNext()).isFalse();
            return value;
        } finally {
            CodecPool.release(d);
        }
    }
}
