package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.encode;
import static dev.steward.runtime.codec.CodecTestSupport.frame;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.UnregisteredTypeException;
import dev.steward.runtime.codec.Fixtures.Boxed;
import dev.steward.runtime.codec.Fixtures.Color;
import dev.steward.runtime.codec.Fixtures.Line;
import dev.steward.runtime.codec.Fixtures.Money;
import dev.steward.runtime.codec.Fixtures.Op;
import dev.steward.runtime.codec.Fixtures.Point;
import dev.steward.runtime.codec.pkga.AllowedColor;
import dev.steward.runtime.codec.pkga.AllowedPoint;
import dev.steward.runtime.codec.pkga.InitializationWitness;
import dev.steward.runtime.codec.pkga.sub.SubPoint;
import dev.steward.runtime.codec.pkgab.SiblingPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which types a registry lets in, and how unknown ones are kept opaque. */
class TypeRegistrationTest {
    private static final String PKGA = "dev.steward.runtime.codec.pkga";

    @Test
    void sendingARecordRegistersItForTheSenderSoTheSenderCanDecodeIt() {
        TypeRegistry registry = newRegistry();
        assertThat(registry.resolve(Point.class.getName())).isNull();

        byte[] frame = encode(new Line(new Point(1, 2), new Point(3, 4)), registry);

        assertThat(registry.knownTypeNames()).contains(Line.class.getName(), Point.class.getName());
        assertThat(registry.resolve(Point.class.getName())).isEqualTo(Point.class);
        assertThat(decode(frame, registry)).isEqualTo(new Line(new Point(1, 2), new Point(3, 4)));
    }

    @Test
    void sendingAnEnumConstantWithABodyRegistersTheEnumClassNotTheBody() {
        TypeRegistry registry = newRegistry();
        encode(List.of(Op.PLUS, Color.RED), registry);

        assertThat(registry.knownTypeNames())
                .contains(Op.class.getName(), Color.class.getName())
                .doesNotContain(Op.PLUS.getClass().getName());
    }

    @Test
    void freshRegistryRejectsARecordItNeverSawNamingTheTypeAndTheCure() {
        byte[] frame = encode(new Point(1, 2), newRegistry());

        assertThatThrownBy(() -> decode(frame, newRegistry()))
                .isInstanceOfSatisfying(UnregisteredTypeException.class, e -> {
                    assertThat(e.typeName()).isEqualTo(Point.class.getName());
                    assertThat(e.getMessage())
                            .contains(Point.class.getName())
                            .contains("register(")
                            .contains("allowPackage(\"dev.steward.runtime.codec\")");
                });
    }

    @Test
    void freshRegistryRejectsAnEnumItNeverSaw() {
        byte[] frame = encode(Color.GREEN, newRegistry());

        assertThatThrownBy(() -> decode(frame, newRegistry()))
                .isInstanceOfSatisfying(UnregisteredTypeException.class, e -> {
                    assertThat(e.typeName()).isEqualTo(Color.class.getName());
                    assertThat(e.getMessage()).contains("register(").contains("allowPackage(");
                });
    }

    @Test
    void freshRegistryRejectsARecordNestedDeepInsideAValue() {
        byte[] frame = encode(Map.of("k", List.of(1, new Boxed(2))), newRegistry());

        assertThatThrownBy(() -> decode(frame, newRegistry()))
                .isInstanceOfSatisfying(
                        UnregisteredTypeException.class,
                        e -> assertThat(e.typeName()).isEqualTo(Boxed.class.getName()));
    }

    @Test
    void freshRegistryRejectsAnAdaptedValueWithoutTheAdapter() {
        TypeRegistry sender = newRegistry();
        sender.register(Fixtures.MONEY);
        byte[] frame = encode(new Money(5, "EUR"), sender);

        assertThatThrownBy(() -> decode(frame, newRegistry()))
                .isInstanceOfSatisfying(UnregisteredTypeException.class, e -> {
                    assertThat(e.typeName()).isEqualTo("test.Money");
                    assertThat(e.getMessage()).contains("test.Money").contains("register");
                });
    }

    @Test
    void explicitRegistrationLetsAFreshRegistryDecode() {
        byte[] frame = encode(List.of(new Point(1, 2), Color.BLUE), newRegistry());
        TypeRegistry receiver = newRegistry();
        receiver.registerAll(List.of(Point.class, Color.class));

        assertThat(decode(frame, receiver)).isEqualTo(List.of(new Point(1, 2), Color.BLUE));
    }

    @Test
    void registeringAClassThatIsNeitherRecordNorEnumFails() {
        assertThatThrownBy(() -> newRegistry().register(Money.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Money.class.getName());
    }

    @Test
    void allowPackageLetsAFreshRegistryDecodeRecordsAndEnumsOfThatPackageAndItsSubPackages() {
        byte[] frame = encode(List.of(new AllowedPoint(1, 2), AllowedColor.MAGENTA, new SubPoint(3, 4)), newRegistry());
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA);

        assertThat(decode(frame, receiver))
                .isEqualTo(List.of(new AllowedPoint(1, 2), AllowedColor.MAGENTA, new SubPoint(3, 4)));
        assertThat(receiver.allowedPackages()).containsExactly(PKGA + ".");
    }

    @Test
    void allowPackageAcceptsANameWithATrailingDot() {
        byte[] frame = encode(new AllowedPoint(1, 2), newRegistry());
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA + ".");

        assertThat(decode(frame, receiver)).isEqualTo(new AllowedPoint(1, 2));
    }

    @Test
    void allowedPackageDoesNotMatchASiblingPackageWhoseNameMerelyStartsWithIt() {
        byte[] frame = encode(new SiblingPoint(1, 2), newRegistry());
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA);

        assertThat(receiver.resolve(SiblingPoint.class.getName())).isNull();
        assertThatThrownBy(() -> decode(frame, receiver))
                .isInstanceOfSatisfying(
                        UnregisteredTypeException.class,
                        e -> assertThat(e.typeName()).isEqualTo(SiblingPoint.class.getName()));
    }

    @Test
    void allowedPackageDoesNotMatchTheParentPackage() {
        byte[] frame = encode(new Point(1, 2), newRegistry());
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA);

        assertThatThrownBy(() -> decode(frame, receiver)).isInstanceOf(UnregisteredTypeException.class);
    }

    @Test
    void allowedPackageNeverInitializesAndNeverUsesAClassThatIsNotARecordOrEnum() {
        String name = PKGA + ".NotARecord";
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA);
        byte[] recordFrame = frame().array(1).marker(Ext.RECORD, name).bytes();
        byte[] enumFrame = frame().array(2).marker(Ext.ENUM, name).str("X").bytes();
        byte[] arrayFrame = frame().array(1).marker(Ext.OBJECT_ARRAY, name).bytes();

        assertThatThrownBy(() -> decode(recordFrame, receiver)).isInstanceOf(UnregisteredTypeException.class);
        assertThatThrownBy(() -> decode(enumFrame, receiver)).isInstanceOf(UnregisteredTypeException.class);
        assertThat(decode(arrayFrame, receiver)).isExactlyInstanceOf(Object[].class);
        assertThat(receiver.resolve(name)).isNull();
        assertThat(InitializationWitness.initialized).doesNotContain(name);
    }

    @Test
    void allowedPackageWithAMissingClassIsUnregisteredNotAnError() {
        TypeRegistry receiver = newRegistry();
        receiver.allowPackage(PKGA);
        byte[] frame =
                frame().array(1).marker(Ext.RECORD, PKGA + ".DoesNotExist").bytes();

        assertThatThrownBy(() -> decode(frame, receiver)).isInstanceOf(UnregisteredTypeException.class);
    }

    @Test
    void recordFrameNamingAnEnumOrTheReverseIsRejected() {
        TypeRegistry receiver = newRegistry();
        receiver.registerAll(List.of(Point.class, Color.class));
        byte[] enumAsRecord = frame().array(2)
                .marker(Ext.RECORD, Color.class.getName())
                .str("RED")
                .bytes();
        byte[] recordAsEnum = frame().array(2)
                .marker(Ext.ENUM, Point.class.getName())
                .str("x")
                .bytes();

        assertThatThrownBy(() -> decode(enumAsRecord, receiver)).isInstanceOf(UnregisteredTypeException.class);
        assertThatThrownBy(() -> decode(recordAsEnum, receiver)).isInstanceOf(UnregisteredTypeException.class);
    }

    // ---- opaque mode

    @Test
    void opaqueModeKeepsAnUnknownRecordAndReEncodingItGivesTheOriginalToAReceiverThatKnowsIt() {
        Line line = new Line(new Point(1, 2), null);
        byte[] frame = encode(line, newRegistry());
        TypeRegistry node = newRegistry();

        Object held = decode(frame, node, References.NONE, true);

        assertThat(held).isInstanceOf(OpaqueValue.class);
        OpaqueValue opaque = (OpaqueValue) held;
        assertThat(opaque.typeName()).isEqualTo(Line.class.getName());
        assertThat(opaque.parts()).hasSize(2);
        assertThat(opaque.parts().get(0)).isInstanceOf(OpaqueValue.class);
        assertThat(((OpaqueValue) opaque.parts().get(0)).parts()).containsExactly(1, 2);
        assertThat(opaque.toString()).isEqualTo("Fixtures$Line[Fixtures$Point[1, 2], null]");
        assertThat(node.knownTypeNames()).isEmpty();

        byte[] again = encode(held, node);
        TypeRegistry client = newRegistry();
        client.registerAll(List.of(Line.class, Point.class));

        assertThat(again).isEqualTo(frame);
        assertThat(decode(again, client)).isEqualTo(line);
    }

    @Test
    void opaqueModeKeepsUnknownEnumsAndAdaptedValuesAndObjectArrays() {
        TypeRegistry sender = newRegistry();
        sender.register(Fixtures.MONEY);
        List<Object> value = List.of(Op.TIMES, new Money(250, "EUR"), new Point[] {new Point(1, 1)}, 7L);
        byte[] frame = encode(value, sender);
        TypeRegistry node = newRegistry();

        List<?> held = (List<?>) decode(frame, node, References.NONE, true);

        assertThat(held.get(0)).isInstanceOf(OpaqueValue.class).hasToString("TIMES");
        assertThat(((OpaqueValue) held.get(0)).parts()).containsExactly("TIMES");
        assertThat(held.get(1)).isInstanceOf(OpaqueValue.class);
        assertThat(((OpaqueValue) held.get(1)).typeName()).isEqualTo("test.Money");
        assertThat(((OpaqueValue) held.get(1)).parts()).containsExactly(List.of(250L, "EUR"));
        assertThat(held.get(2)).isInstanceOf(OpaqueValue.class);
        assertThat(held.get(3)).isEqualTo(7L);

        byte[] again = encode(held, node);
        TypeRegistry client = newRegistry();
        client.register(Fixtures.MONEY);
        client.registerAll(List.of(Op.class, Point.class));
        List<?> back = (List<?>) decode(again, client);

        assertThat(again).isEqualTo(frame);
        assertThat(back.get(0)).isSameAs(Op.TIMES);
        assertThat(back.get(1)).isEqualTo(new Money(250, "EUR"));
        assertThat(back.get(2)).isExactlyInstanceOf(Point[].class);
        assertThat((Point[]) back.get(2)).containsExactly(new Point(1, 1));
    }

    @Test
    void opaqueValuesCompareStructurally() {
        TypeRegistry sender = newRegistry();
        byte[] a = encode(new Boxed(List.of(1, List.of(2L, "x"), Map.of("k", 3))), sender);
        byte[] sameAgain = encode(new Boxed(List.of(1, List.of(2L, "x"), Map.of("k", 3))), sender);
        byte[] different = encode(new Boxed(List.of(1, List.of(2L, "y"), Map.of("k", 3))), sender);
        byte[] otherType = encode(new Fixtures.Positive(1), sender);
        TypeRegistry node = newRegistry();

        Object first = decode(a, node, References.NONE, true);
        Object second = decode(sameAgain, node, References.NONE, true);
        Object third = decode(different, node, References.NONE, true);

        assertThat(first).isNotSameAs(second).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(third);
        assertThat(Map.of(first, "v")).containsKey(second);
        assertThat(decode(encode(new Boxed(1), sender), node, References.NONE, true))
                .isNotEqualTo(decode(otherType, node, References.NONE, true));
        assertThat(decode(encode(Color.RED, sender), node, References.NONE, true))
                .isNotEqualTo(decode(encode(Op.PLUS, sender), node, References.NONE, true))
                .isNotEqualTo(decode(encode(Color.GREEN, sender), node, References.NONE, true))
                .isEqualTo(decode(encode(Color.RED, sender), node, References.NONE, true));
    }

    @Test
    void opaqueValueCompareByteArrayPartsByContent() {
        TypeRegistry sender = newRegistry();
        byte[] frame = encode(new Boxed(new byte[] {9, 8}), sender);
        TypeRegistry node = newRegistry();

        Object first = decode(frame, node, References.NONE, true);
        Object second = decode(frame, node, References.NONE, true);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void opaqueModeStillDecodesKnownTypesToRealValues() {
        TypeRegistry node = newRegistry();
        node.register(Point.class);
        byte[] frame = encode(List.of(new Point(1, 2), new Boxed(1)), newRegistry());

        List<?> back = (List<?>) decode(frame, node, References.NONE, true);

        assertThat(back.get(0)).isEqualTo(new Point(1, 2));
        assertThat(back.get(1)).isInstanceOf(OpaqueValue.class);
    }

    @Test
    void opaqueValueOfARecordWithAPrimitiveLongComponentReEncodesAsLong() {
        record Stamp(long millis, short code) {}
        byte[] frame = encode(new Stamp(1L, (short) 2), newRegistry());
        OpaqueValue held = (OpaqueValue) decode(frame, newRegistry(), References.NONE, true);

        assertThat(held.parts()).containsExactly(1L, (short) 2);
        TypeRegistry client = newRegistry();
        client.register(Stamp.class);
        assertThat(decode(encode(held, newRegistry()), client)).isEqualTo(new Stamp(1L, (short) 2));
    }

    @Test
    void decoderModeSwitchesReferenceAndOpaqueHandlingMidFrame() {
        byte[] frame;
        Encoder enc = CodecPool.encoder().begin(newRegistry(), References.NONE);
        try {
            enc.writeValue(new Boxed(1), "first");
            enc.writeValue(new Boxed(2), "second");
            frame = enc.toByteArray();
        } finally {
            CodecPool.release(enc);
        }

        Decoder d = CodecPool.decoder().begin(java.nio.ByteBuffer.wrap(frame), newRegistry(), References.NONE, true);
        try {
            assertThat(d.readValue()).isInstanceOf(OpaqueValue.class);
            d.mode(References.NONE, false);
            assertThatThrownBy(d::readValue).isInstanceOf(UnregisteredTypeException.class);
        } finally {
            CodecPool.release(d);
        }
    }
}
