package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.NotSendableException;
import dev.steward.TypeAdapter;
import dev.steward.runtime.codec.Fixtures.Boxed;
import dev.steward.runtime.codec.Fixtures.Person;
import dev.steward.runtime.codec.Fixtures.Unregistered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values the codec refuses, with a message that says what and where. */
class NotSendableTest {

    private static AbstractStringAssert<?> assertNotSendable(Object value, String label) {
        TypeRegistry registry = newRegistry();
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> enc.writeValue(value, label));
            assertThat(thrown).as("NotSendableException for %s", label).isInstanceOf(NotSendableException.class);
            NotSendableException e = (NotSendableException) thrown;
            return assertThat(e.getMessage()).contains(label);
        } finally {
            releaseAfterFailure(enc);
        }
    }

    /**
     * Flushes what a failed frame left in the packer before giving the encoder back, so that the
     * encoder-reuse bug (see {@link #encoderTakenAfterAFailedFrameProducesACleanFrame}) cannot
     * corrupt the next test's frame.
     */
    private static void releaseAfterFailure(Encoder enc) {
        try {
            enc.size();
        } finally {
            CodecPool.release(enc);
        }
    }

    static Stream<Arguments> unsendables() {
        Runnable lambda = () -> {};
        Supplier<String> methodRef = String::new;
        Object anonymous = new Object() {};
        return Stream.of(
                Arguments.of("thread", new Thread(() -> {})),
                Arguments.of("plain object", new Object()),
                Arguments.of("anonymous class", anonymous),
                Arguments.of("lambda", lambda),
                Arguments.of("method reference", methodRef),
                Arguments.of("optional", Optional.of(1)),
                Arguments.of("empty optional", Optional.empty()),
                Arguments.of("class without adapter", new Unregistered()),
                Arguments.of("string builder", new StringBuilder("x")),
                Arguments.of("atomic integer", new java.util.concurrent.atomic.AtomicInteger()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsendables")
    void topLevelUnsendableValueNamesLabelAndClass(String description, Object value) {
        assertNotSendable(value, "argument 0")
                .contains(value.getClass().getName())
                .contains("TypeAdapter")
                .startsWith("cannot send argument 0: ");
    }

    @Test
    void threadInsideAListInsideAMapValueNamesThePathToIt() {
        Map<String, Object> value = new HashMap<>();
        value.put("workers", List.of("a", "b", new Thread(() -> {})));

        assertNotSendable(value, "argument 1")
                .contains("argument 1")
                .contains("map key workers")
                .contains("element 2")
                .contains("java.lang.Thread")
                .contains("cannot send argument 1 -> value of map key workers -> element 2: java.lang.Thread");
    }

    @Test
    void unsendableMapKeyIsNamedAsAKey() {
        Map<Object, Object> value = new HashMap<>();
        value.put(Optional.of(1), "v");

        assertNotSendable(value, "the map")
                .contains("-> map key (a java.util.Optional)")
                .contains("java.util.Optional");
    }

    @Test
    void unsendableRecordComponentNamesTheComponentAndRecord() {
        Person person = new Person("n", List.of(), Map.of(), null, List.of(new Unregistered()));

        assertNotSendable(person, "result")
                .contains("component 'extra' of record " + Person.class.getName())
                .contains("element 0")
                .contains(Unregistered.class.getName());
    }

    @Test
    void unsendableInsideSetAndArrayNamesThePosition() {
        Set<Object> set = new LinkedHashSet<>(List.of(1, 2, new Object()));
        assertNotSendable(set, "s").contains("set element 2").contains("java.lang.Object");
        assertNotSendable(new Object[] {1, new Thread(() -> {})}, "a")
                .contains("array element 1")
                .contains("java.lang.Thread");
    }

    @Test
    void adapterThatFailsOrProducesSomethingUnsendableIsReported() {
        TypeAdapter<Unregistered> failing = TypeAdapter.of(
                Unregistered.class,
                "failing",
                u -> {
                    throw new IllegalStateException("boom");
                },
                w -> null);
        TypeRegistry registry = newRegistry();
        registry.register(failing);
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            assertThatThrownBy(() -> enc.writeValue(List.of(new Unregistered()), "arg"))
                    .isInstanceOf(NotSendableException.class)
                    .hasMessageContaining("arg -> element 0")
                    .hasMessageContaining("boom");
        } finally {
            releaseAfterFailure(enc);
        }

        TypeAdapter<Unregistered> bad = TypeAdapter.of(Unregistered.class, "bad", u -> new Object(), w -> null);
        TypeRegistry other = newRegistry();
        other.register(bad);
        Encoder enc2 = CodecPool.encoder().begin(other, References.NONE);
        try {
            assertThatThrownBy(() -> enc2.writeValue(new Unregistered(), "arg"))
                    .isInstanceOf(NotSendableException.class)
                    .hasMessageContaining("adapted form of " + Unregistered.class.getName())
                    .hasMessageContaining("java.lang.Object");
        } finally {
            releaseAfterFailure(enc2);
        }
    }

    @Test
    void selfContainingListIsRejectedWithTheNestingDepthNotAStackOverflow() {
        List<Object> cycle = new ArrayList<>();
        cycle.add("x");
        cycle.add(cycle);

        assertNotSendable(cycle, "argument 0")
                .contains("nested more than " + Encoder.MAX_DEPTH + " levels deep")
                .contains("element 1");
    }

    @Test
    void selfContainingMapAndRecordCycleAreRejected() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        assertNotSendable(map, "m").contains(String.valueOf(Encoder.MAX_DEPTH));

        List<Object> holder = new ArrayList<>();
        holder.add(new Boxed(holder));
        assertNotSendable(holder, "r").contains(String.valueOf(Encoder.MAX_DEPTH));
    }

    @Test
    void valueOneLevelTooDeepIsRejected() {
        Object value = 1;
        for (int i = 0; i <= Encoder.MAX_DEPTH; i++) {
            value = List.of(value);
        }

        assertNotSendable(value, "deep").contains(String.valueOf(Encoder.MAX_DEPTH));
    }

    @Test
    void unsendableValueDoesNotRegisterTypesItMentions() {
        TypeRegistry registry = newRegistry();
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            assertThatThrownBy(() -> enc.writeValue(new Boxed(new Object()), "x"))
                    .isInstanceOf(NotSendableException.class);
        } finally {
            releaseAfterFailure(enc);
        }
        // Boxed itself was about to be sent, so the sender may know it; nothing else is expected
        assertThat(registry.knownTypeNames()).allMatch(n -> n.equals(Boxed.class.getName()));
    }

    @Test
    void encoderTakenAfterAFailedFrameProducesACleanFrame() {
        TypeRegistry registry = newRegistry();
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            assertThatThrownBy(() -> enc.writeValue(List.of("partial", List.of(1, 2, new Thread(() -> {}))), "x"))
                    .isInstanceOf(NotSendableException.class);
        } finally {
            CodecPool.release(enc);
        }

        Encoder again = CodecPool.encoder().begin(registry, References.NONE);
        byte[] frame;
        try {
            assertThat(again).isSameAs(enc);
            again.writeValue("hello", "y");
            frame = again.toByteArray();
        } finally {
            CodecPool.release(again);
        }

        assertThat(decode(frame, registry)).isEqualTo("hello");
    }
}
